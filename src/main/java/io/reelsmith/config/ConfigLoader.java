package io.reelsmith.config;

import io.reelsmith.kernel.EditDistance;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The one place settings are read: each key from its default, then the {@code --config} properties file, then the
 * environment, then the command line's options, the last one winning. Every value is checked against its
 * {@link Key}; a bad file or value is refused with one readable line per bad key, before anything runs. Nothing
 * else in Reelsmith reads the environment or the JVM's system properties (PackageRulesTest checks it): each part
 * of the resulting {@link ReelsmithConfig} is handed to what uses it.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /** What the commands call: this process's environment, and {@code options} (keys as in the file) from the command line. */
    public static ReelsmithConfig load(Path file, Map<String, String> options) {
        return load(file, System.getenv(), options);
    }

    /** The same with a given environment (tests, and a process made for another). */
    public static ReelsmithConfig load(Path file, Map<String, String> env, Map<String, String> options) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Keys.ALL.values().forEach(k -> values.put(k.name(), k.defaultValue()));
        machineDefaults(values);
        String where = "";
        if (file != null) {
            where = " in " + file;
            readFile(file, values, problems);
        }
        for (Key k : Keys.ALL.values()) {
            for (int i = k.env().size() - 1; i >= 0; i--) { // the key's own name wins over an older or Google's one
                String v = env.get(k.env().get(i));
                if (v != null && !v.isBlank()) values.put(k.name(), v.strip());
            }
        }
        options.forEach((key, v) -> {
            if (!Keys.ALL.containsKey(key)) problems.add(unknown(key));
            else if (v != null) values.put(key, v);
        });
        for (Key k : Keys.ALL.values()) {
            String v = values.get(k.name());
            String p = v == null ? null : k.problem(v);
            if (p != null) problems.add(p);
        }
        if (!problems.isEmpty()) throw new ConfigException(where, problems);
        return new ReelsmithConfig(
                new Settings(values), file, System.console() != null && !"dumb".equals(env.get("TERM")));
    }

    /** Only the environment: tests and benches that set a few keys by their environment names. */
    public static ReelsmithConfig fromEnvironment(Map<String, String> env) {
        return load(null, env, Map.of());
    }

    /** Whether {@code REELSMITH_DEBUG} asks for stack traces: read before any command loads its settings. */
    public static boolean debugRequested() {
        String v = System.getenv("REELSMITH_DEBUG");
        return v != null && !v.isBlank() && !List.of("false", "0", "no").contains(v.strip());
    }

    private static void machineDefaults(Map<String, String> values) {
        Path home = Path.of(System.getProperty(Keys.HOME), ".reelsmith");
        values.put("reelsmith.spend.ledger", home.resolve("spend.jsonl").toString());
        values.put("reelsmith.models.dir", home.resolve("models").toString());
        values.put(
                "reelsmith.cache.dir",
                Path.of(System.getProperty(Keys.HOME), ".cache", "reelsmith").toString());
        String user = System.getProperty(Keys.USER_NAME);
        values.put("reelsmith.user", user == null || user.isBlank() ? "cli" : user);
    }

    private static void readFile(Path file, Map<String, String> values, List<String> problems) {
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException("the config file " + file + " does not exist");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the config file " + file + " is not a properties file: " + e.getMessage(), e);
        }
        for (String k : p.stringPropertyNames()) {
            if (Keys.ALL.containsKey(k)) values.put(k, p.getProperty(k).strip());
            else problems.add(unknown(k));
        }
    }

    /** "unknown setting 'x'", with the key meant when {@code x} is an environment name or a near miss. */
    private static String unknown(String name) {
        String hint = null;
        for (Key k : Keys.ALL.values()) {
            if (k.env().contains(name) || distance(name, k.name()) <= 2) hint = k.name();
        }
        return "unknown setting '" + name + "'" + (hint == null ? "" : " (did you mean " + hint + "?)");
    }

    private static int distance(String a, String b) {
        return EditDistance.of(a.length(), b.length(), (i, j) -> a.charAt(i) == b.charAt(j));
    }
}
