package io.reelsmith.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The few rules that keep dependencies running one way (README, "Architecture"):
 * kernel ← stages ← pipeline ← app ← edges (api, mcp, cli, service, web). Each rule says why it exists.
 * {@code rule.check(classes)} is the assertion: it throws an AssertionError listing every offending dependency.
 */
class PackageRulesTest {
    /** The stages: each a port, its adapters and its values. */
    static final String[] STAGES = {"io.reelsmith.character..", "io.reelsmith.script..", "io.reelsmith.video..",
            "io.reelsmith.subtitle..", "io.reelsmith.render.."};

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.reelsmith");

    @Test
    void topLevelPackagesFormNoCycles() {
        // A loop between packages means none of them can be read, tested or replaced alone.
        slices().matching("io.reelsmith.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theKernelImportsNothingOfOurs() {
        // Shared values and file helpers sit at the bottom so that every stage can use them without a loop.
        classes().that().resideInAPackage("io.reelsmith.kernel..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.reelsmith..").or(resideInAPackage("io.reelsmith.kernel..")))
                .check(MAIN);
    }

    @Test
    void theGoogleClientLayerServesEveryStage() {
        // Each stage's Google adapter (character/gemini, video/veo, …) shares the SDK clients, catalogue and prices;
        // if google/ imported a stage, two stages' adapters would form a loop through it.
        classes().that().resideInAPackage("io.reelsmith.google..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.reelsmith..")
                        .or(resideInAnyPackage("io.reelsmith.google..", "io.reelsmith.kernel..")))
                .check(MAIN);
    }

    @Test
    void stagesNeverReachUpwards() {
        // A stage knows its inputs, not who runs it: the same adapter serves the CLI, the service and the benches.
        noClasses().that().resideInAnyPackage(STAGES)
                .should().dependOnClassesThat().resideInAnyPackage("io.reelsmith.pipeline..", "io.reelsmith.app..",
                        "io.reelsmith.api..", "io.reelsmith.cli..", "io.reelsmith.service..", "io.reelsmith.storage..")
                .check(MAIN);
    }

    @Test
    void edgesGoThroughTheApplicationLayer() {
        // Plan, start, retry, regenerate and delete live once, in app/, so the API and the CLI cannot drift apart.
        noClasses().that().resideInAnyPackage("io.reelsmith.api..", "io.reelsmith.cli..", "io.reelsmith.mcp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.reelsmith.pipeline..")
                .check(MAIN);
    }

    @Test
    void theMcpServerCallsOnlyTheApplicationLayer() {
        // An agent gets exactly what a REST client gets (budgets, never paying twice, per-user isolation) only if mcp/
        // goes through app/: never the pipeline, and from storage/ only the values app/ hands back (rows, statuses),
        // never a repository or the blob store.
        noClasses().that().resideInAPackage("io.reelsmith.mcp..")
                .should().dependOnClassesThat(resideInAnyPackage("io.reelsmith.pipeline..", "io.reelsmith.api..", "io.reelsmith.cli..",
                        "io.reelsmith.service..")
                        .or(resideInAPackage("io.reelsmith.storage..").and(not(assignableTo(Record.class))).and(not(assignableTo(Enum.class)))))
                .check(MAIN);
    }

    @Test
    void shippedCodeNeverUsesTheTestKit() {
        // The cluster harness and test stages are for tests only; the jar a user runs must not need them.
        noClasses().that().resideOutsideOfPackages("io.reelsmith.harness..", "io.reelsmith.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.reelsmith.harness..", "io.reelsmith.testkit..")
                .check(MAIN);
    }
}
