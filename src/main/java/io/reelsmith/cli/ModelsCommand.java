package io.reelsmith.cli;

import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.models.Model;
import io.reelsmith.models.ModelCatalog;
import io.reelsmith.models.ModelDownloader;
import io.reelsmith.models.ModelFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reelsmith models download whisper-base}: fetch a model for machines that are online. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Manage downloadable models (Whisper); show Google's model catalogue.",
        subcommands = {ModelsCommand.Download.class, ModelsCommand.ListModels.class, ModelsCommand.GoogleCatalogue.class
        })
public final class ModelsCommand extends CommandGroup {
    @Command(
            name = "download",
            description = "Download a model, verify its SHA-256, and put it in the models directory.")
    static final class Download implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "whisper-tiny, whisper-base or whisper-base.en")
        String name;

        /** The settings these options give, over the file's and the environment's. */
        private final Map<String, String> settings = new HashMap<>();

        @Option(
                names = "--dir",
                description =
                        "Models directory (default reelsmith.models.dir: $REELSMITH_MODELS_DIR or ~/.reelsmith/models).")
        void dir(Path dir) {
            settings.put("reelsmith.models.dir", dir.toString());
        }

        @Option(
                names = "--base-url",
                description =
                        "Where the files are (default reelsmith.models.url: $REELSMITH_MODELS_URL or Hugging Face).")
        void baseUrl(String url) {
            settings.put("reelsmith.models.url", url);
        }

        @Option(names = "--sha256", description = "Expected SHA-256, for a mirror serving another build of the model.")
        String sha256;

        @Override
        public Integer call() throws Exception {
            Model m = ModelCatalog.named(name);
            if (sha256 != null) m = new Model(m.name(), m.file(), sha256.toLowerCase(Locale.ROOT), m.bytes());
            ModelFiles files = ConfigLoader.load(null, settings).models();
            long[] lastMb = {0};
            Path file = new ModelDownloader().download(m, files.baseUrl(), files.directory(), bytes -> {
                if (bytes / (16 << 20) > lastMb[0]) {
                    lastMb[0] = bytes / (16 << 20);
                    System.err.printf(Locale.ROOT, "  %d MB%n", bytes >> 20);
                }
            });
            System.out.println(file);
            System.out.println("verified SHA-256 " + m.sha256() + "; use it with REELSMITH_WHISPER_MODEL=" + file);
            return 0;
        }
    }

    @Command(name = "list", description = "List the models that can be downloaded.")
    static final class ListModels implements Runnable {
        @Override
        public void run() {
            for (Model m : ModelCatalog.MODELS)
                System.out.printf(
                        Locale.ROOT,
                        "%-16s %-18s %6d MB  sha256 %s%n",
                        m.name(),
                        m.file(),
                        m.bytes() >> 20,
                        m.sha256());
        }
    }

    @Command(
            name = "google",
            description =
                    "Print Google's model catalogue: surfaces, lifecycle, shutdown dates, replacements, prices, defaults.")
    static final class GoogleCatalogue implements Runnable {
        @Override
        public void run() {
            ReelsmithConfig config = ConfigLoader.load(null, Map.of());
            System.out.print(config.catalogue().describe(config.catalogueFile()));
        }
    }
}
