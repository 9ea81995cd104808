package org.jointcall.contracts.binding;

import java.util.List;
import java.util.stream.Collectors;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * A message the codec refuses to read or write, with every problem it found rather than only the
 * first, so a partner fixes its export in one round trip. {@link #field()} and {@link #reason()}
 * are those of the first problem.
 */
public final class InvalidMessageException extends ContractViolation {

    private static final long serialVersionUID = 1L;

    private final transient List<MessageProblem> problems;

    public InvalidMessageException(String what, List<MessageProblem> problems) {
        super(first(problems).field(), first(problems).reason(), describe(what, problems));
        this.problems = List.copyOf(problems);
    }

    private static MessageProblem first(List<MessageProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid message has at least one problem");
        }
        return problems.get(0);
    }

    private static String describe(String what, List<MessageProblem> problems) {
        return what + " breaks the canonical contract v1 (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  "
                + problems.stream().map(MessageProblem::toString).collect(Collectors.joining("\n  "));
    }

    public List<MessageProblem> problems() {
        return problems;
    }
}
