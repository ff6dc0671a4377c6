package io.reelsmith.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups sub-commands ({@code reelsmith bench}, {@code reelsmith models}): run bare, it lists
 * them and exits 0, as a menu should, rather than picocli's "Missing required subcommand".
 */
abstract class CommandGroup implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
