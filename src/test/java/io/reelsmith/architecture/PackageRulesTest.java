package io.reelsmith.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.reelsmith.config.ConfigLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The few rules that keep dependencies running one way (README, "Architecture"):
 * kernel ← stages ← pipeline ← app ← edges (api, mcp, cli, service, web). Each rule says why it exists.
 * {@code rule.check(classes)} is the assertion: it throws an AssertionError listing every offending dependency.
 */
class PackageRulesTest {
    /** The stages: each a port, its adapters and its values. */
    static final String[] STAGES = {
        "io.reelsmith.character..",
        "io.reelsmith.script..",
        "io.reelsmith.video..",
        "io.reelsmith.subtitle..",
        "io.reelsmith.render.."
    };

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
        classes()
                .that()
                .resideInAPackage("io.reelsmith.kernel..")
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage("io.reelsmith..").or(resideInAPackage("io.reelsmith.kernel..")))
                .check(MAIN);
    }

    @Test
    void theGoogleClientLayerServesEveryStage() {
        // Each stage's Google adapter (character/gemini, video/veo, …) shares the SDK clients, catalogue and prices;
        // if google/ imported a stage, two stages' adapters would form a loop through it.
        classes()
                .that()
                .resideInAPackage("io.reelsmith.google..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("io.reelsmith..")
                        .or(resideInAnyPackage("io.reelsmith.google..", "io.reelsmith.kernel..")))
                .check(MAIN);
    }

    @Test
    void stagesNeverReachUpwards() {
        // A stage knows its inputs, not who runs it: the same adapter serves the CLI, the service and the benches.
        noClasses()
                .that()
                .resideInAnyPackage(STAGES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.reelsmith.pipeline..",
                        "io.reelsmith.app..",
                        "io.reelsmith.api..",
                        "io.reelsmith.cli..",
                        "io.reelsmith.service..",
                        "io.reelsmith.storage..",
                        "io.reelsmith.config..")
                .check(MAIN);
    }

    @Test
    void edgesGoThroughTheApplicationLayer() {
        // Plan, start, retry, regenerate and delete live once, in app/, so the API and the CLI cannot drift apart.
        noClasses()
                .that()
                .resideInAnyPackage("io.reelsmith.api..", "io.reelsmith.cli..", "io.reelsmith.mcp..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.reelsmith.pipeline..")
                .check(MAIN);
    }

    @Test
    void theCoreUsesNoDatabaseNorJobFramework() {
        // app/ and pipeline/ speak to ports: SQL lives in storage/'s adapters and JobRunr at the edge (service/), so
        // the
        // core runs on in-memory adapters in unit tests, and the database or the job server can change behind it.
        noClasses()
                .that()
                .resideInAnyPackage("io.reelsmith.app..", "io.reelsmith.pipeline..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..", "org.jobrunr..", "org.flywaydb..")
                .check(MAIN);
    }

    @Test
    void theApplicationLayerOwnsItsPorts() {
        // storage/ implements app/'s ports (the adapters depend on the core, never the reverse); the edges hand app/
        // its
        // configuration's parts and its adapters through constructors.
        noClasses()
                .that()
                .resideInAnyPackage("io.reelsmith.app..", "io.reelsmith.pipeline..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.reelsmith.storage..",
                        "io.reelsmith.service..",
                        "io.reelsmith.api..",
                        "io.reelsmith.cli..",
                        "io.reelsmith.mcp..",
                        "io.reelsmith.config..",
                        "io.reelsmith.bench..")
                .check(MAIN);
    }

    @Test
    void onlyTheConfigurationLoaderReadsTheEnvironment() {
        // Settings come from one loader, are checked there and handed down; a stray getenv is a key that no file can
        // set.
        classes()
                .that()
                .doNotHaveFullyQualifiedName(ConfigLoader.class.getName())
                .should(new ArchCondition<JavaClass>("not read the environment or system properties") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                            String target = call.getTargetOwner().getName() + "." + call.getName();
                            if (ENVIRONMENT_READS.contains(target))
                                events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                        }
                    }
                })
                .check(MAIN);
    }

    static final Set<String> ENVIRONMENT_READS = Set.of(
            "java.lang.System.getenv",
            "java.lang.System.getProperty",
            "java.lang.System.getProperties",
            "java.lang.Boolean.getBoolean",
            "java.lang.Integer.getInteger",
            "java.lang.Long.getLong");

    @Test
    void theMcpServerCallsOnlyTheApplicationLayer() {
        // An agent gets exactly what a REST client gets (budgets, never paying twice, per-user isolation) only if mcp/
        // goes through app/: never the pipeline, and from storage/ only the values app/ hands back (rows, statuses),
        // never a repository or the blob store.
        noClasses()
                .that()
                .resideInAPackage("io.reelsmith.mcp..")
                .should()
                .dependOnClassesThat(resideInAnyPackage(
                                "io.reelsmith.pipeline..",
                                "io.reelsmith.api..",
                                "io.reelsmith.cli..",
                                "io.reelsmith.service..")
                        .or(resideInAPackage("io.reelsmith.storage..")
                                .and(not(assignableTo(Record.class)))
                                .and(not(assignableTo(Enum.class)))))
                .check(MAIN);
    }

    @Test
    void shippedCodeNeverUsesTheTestKit() {
        // The cluster harness and test stages are for tests only; the jar a user runs must not need them.
        noClasses()
                .that()
                .resideOutsideOfPackages("io.reelsmith.harness..", "io.reelsmith.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.reelsmith.harness..", "io.reelsmith.testkit..")
                .check(MAIN);
    }
}
