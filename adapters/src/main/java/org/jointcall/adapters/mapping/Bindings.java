package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jointcall.adapters.document.NativeFormat;

/**
 * Declares bindings for one native format; paths are compiled (and so checked) as the mapping is built,
 * not when the first message arrives. Hand-written adapters and mapping files use the same vocabulary.
 */
public final class Bindings {

    private final NativeFormat format;

    public Bindings(NativeFormat format) {
        this.format = format;
    }

    /** A native leaf copied verbatim to a canonical leaf. */
    public Binding field(String nativePath, String canonicalPointer) {
        return field(nativePath, canonicalPointer, Codecs.text());
    }

    public Binding field(String nativePath, String canonicalPointer, ValueCodec codec) {
        return new FieldBinding(format.path(nativePath), canonicalPointer, codec);
    }

    public Binding list(String nativePath, String canonicalPointer, ValueCodec codec) {
        return new ListBinding(format.path(nativePath), canonicalPointer, codec);
    }

    public Binding group(String nativePath, String canonicalPointer, List<Binding> children) {
        return new GroupBinding(format.path(nativePath), canonicalPointer, children);
    }

    public Binding object(String nativePath, String canonicalPointer, List<Binding> children) {
        return new ObjectBinding(format.path(nativePath), canonicalPointer, children);
    }

    /** An amount in the format's one currency ⇄ a canonical {@code {value, currency}}. */
    public Binding amount(String nativePath, String canonicalPointer, ValueCodec codec, String currency) {
        return qualified(nativePath, canonicalPointer, codec, "currency", currency);
    }

    /** A value whose qualifier the format implies ⇄ a canonical {@code {value, <qualifier>}} object. */
    public Binding qualified(String nativePath, String canonicalPointer, ValueCodec codec, String qualifier, String qualifierValue) {
        return new QualifiedValueBinding(format.path(nativePath), canonicalPointer, codec, qualifier, qualifierValue);
    }

    public Binding constant(String canonicalPointer, JsonNode value) {
        return new ConstantBinding(canonicalPointer, value);
    }

    public Binding derived(String nativePath, String canonicalPointer, ValueCodec derivation) {
        return new DerivedBinding(format.path(nativePath), canonicalPointer, derivation);
    }

    public Binding withheld(String nativePath, String reason) {
        return new WithheldBinding(format.path(nativePath), reason);
    }

    /** A message's bindings: the envelope fields followed by the body. */
    public static List<Binding> message(List<Binding> envelope, Binding body) {
        List<Binding> all = new java.util.ArrayList<>(envelope);
        all.add(body);
        return List.copyOf(all);
    }

    public NativeFormat format() {
        return format;
    }
}
