package io.reelsmith.cli;

import io.reelsmith.config.ConfigLoader;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * Entry point of the {@code ./reelsmith} launcher. Each sub-command lives in its own class; register it here.
 * Exit codes: 0 done, 1 failed (one readable line on stderr), 2 bad usage. The scope hands --help and --version
 * down to every sub-command, so they don't each declare them. Run bare, {@code reelsmith}, {@code bench} and {@code models}
 * list their sub-commands ({@link CommandGroup}); {@code users} needs one: picocli's "Missing required subcommand" (2).
 */
@Command(
        name = "reelsmith",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        version = "reelsmith 0.1.0",
        description = "Theme + recurring character → a subtitled 1080x1920 short video.",
        subcommands = {
            CommandLine.HelpCommand.class,
            MakeCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            ModelsCommand.class,
            SubtitlesCommand.class,
            ServeCommand.class,
            WorkerCommand.class,
            EmulatorCommand.class,
            UsersCommand.class,
            McpCommand.class,
        })
public final class Main extends CommandGroup {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /** Runs a command line; errors go to {@code err} as one readable line. */
    public static int run(PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("reelsmith: " + oneLine(ex) + " (see --help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("reelsmith: " + oneLine(ex));
            if (ConfigLoader.debugRequested()) ex.printStackTrace(cmd.getErr());
            return 1;
        });
        return cl.execute(args);
    }

    /** The message a user reads: the first line of the deepest useful cause. */
    static String oneLine(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof InvocationTargetException))
            t = t.getCause();
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }
}
