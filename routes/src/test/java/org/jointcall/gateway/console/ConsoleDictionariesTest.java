package org.jointcall.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.gateway.exchange.ProblemType;
import org.junit.jupiter.api.Test;

/**
 * The console's English and Japanese dictionaries say the same things: same keys, every key the pages use
 * literally, every canonical state and message kind, and Japanese that is Japanese.
 */
class ConsoleDictionariesTest {

    private static final Path CONSOLE = Path.of("src/main/webapp/console");
    /** t('key'), tOr('key', …) and data-i18n*="key" in the pages and scripts. */
    private static final Pattern LITERAL_KEY = Pattern.compile("\\bt(?:Or)?\\('([\\w.]+)'|data-i18n(?:-[a-z-]+)?=\"([\\w.]+)\"");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}\\x{FF00}-\\x{FFEF}]");

    private final Map<String, String> english = dictionary("en");
    private final Map<String, String> japanese = dictionary("ja");

    @Test
    void bothLanguagesHaveExactlyTheSameKeysAndNoEmptyText() {
        assertThat(japanese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        assertThat(english).allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
        assertThat(japanese).allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
    }

    @Test
    void everyKeyThePagesUseLiterallyIsTranslated() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).toList()) {
                Matcher key = LITERAL_KEY.matcher(Files.readString(file));
                while (key.find()) {
                    used.add(key.group(1) != null ? key.group(1) : key.group(2));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(english.keySet()).containsAll(used);
    }

    @Test
    void everyCanonicalStateAndMessageKindHasAWordInBothLanguages() {
        Set<String> keys = new TreeSet<>();
        Stream.of(TrackState.values()).forEach(state -> keys.add("state." + state.name()));
        Stream.of(JointStatus.values()).forEach(state -> keys.add("state." + state.name()));
        Stream.of(MessageKind.values()).forEach(kind -> keys.add("kind." + kind.name()));
        assertThat(english.keySet()).containsAll(keys);
        assertThat(japanese.keySet()).containsAll(keys);
    }

    @Test
    void everyProblemTypeIsNamedInBothLanguagesTheEnglishAsTheServerTitlesIt() {
        for (ProblemType type : ProblemType.values()) {
            String key = "problem." + type.slug();
            assertThat(english).as(key).containsEntry(key, type.title());
            assertThat(japanese).as(key).containsKey(key);
        }
    }

    @Test
    void theJapaneseDictionaryIsWrittenInJapanese() {
        assertThat(japanese).allSatisfy((key, text) -> assertThat(JAPANESE.matcher(text).find())
                .as("%s = \"%s\" has Japanese text", key, text).isTrue());
        assertThat(japanese).containsEntry("nav.calls", "共同公募")
                .containsEntry("state.APPROVED", "採択").containsEntry("state.REJECTED", "不採択")
                .containsEntry("state.UNDER_REVIEW", "審査中");
    }

    private static Map<String, String> dictionary(String language) {
        try {
            return new ObjectMapper().readValue(CONSOLE.resolve("i18n/" + language + ".json").toFile(),
                    new TypeReference<TreeMap<String, String>>() { });
        } catch (IOException e) {
            throw new AssertionError("cannot read the " + language + " dictionary", e);
        }
    }
}
