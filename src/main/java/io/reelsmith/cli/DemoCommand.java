package io.reelsmith.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reelsmith demo}: the built-in theme and character, offline, about a minute of video. */
@Command(
        name = "demo",
        description = "Make a ~60 s video offline from a built-in theme and character (Kwirlo the robot).")
public class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Output directory (default: ${DEFAULT-VALUE}).", defaultValue = "out/demo")
    Path out;

    @Option(names = "--lang", description = "en or fr (default: ${DEFAULT-VALUE}).", defaultValue = "en")
    String lang;

    @Mixin
    VideoOptions video = new VideoOptions(8);

    @Override
    public Integer call() throws Exception {
        MakeCommand make = new MakeCommand();
        make.theme = lang.equals("fr") ? "la carte au trésor perdue" : "the lost treasure map";
        make.scriptOptions.lang = lang;
        make.out = out;
        make.video = video;
        System.err.println("reelsmith: demo — \"" + make.theme + "\" with " + CastOptions.DEFAULT_CHARACTER.name()
                + ", " + video.blocks + " blocks, offline");
        return make.call();
    }
}
