package org.kontor.server;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The dependency rules of ARCHITECTURE.md, checked on the compiled main classes of every module:
 * the two sides meet only through events, events depend on nothing but the JDK and Axon's
 * annotations, infrastructure knows no business code, and bounded contexts talk through events.
 */
@AnalyzeClasses(packages = "org.kontor",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    private static final String COMMAND_SIDE = "org.kontor.command..";
    private static final String QUERY_SIDE = "org.kontor.query..";
    private static final String EVENTS = "org.kontor.events..";
    private static final String CONFIG = "org.kontor.config..";
    /** Shared projection machinery on the query side: every context may use it; it is no context. */
    private static final String PROJECTION_INFRASTRUCTURE = "org.kontor.query.projection..";

    /** The side packages whose direct sub-packages are bounded contexts (plus shared infrastructure). */
    private static final List<String> CONTEXT_PARENTS = List.of("org.kontor.command", "org.kontor.query", "org.kontor.events");

    @ArchTest
    static final ArchRule command_side_does_not_depend_on_query_side = noClasses()
            .that().resideInAPackage(COMMAND_SIDE)
            .should().dependOnClassesThat().resideInAPackage(QUERY_SIDE)
            .because("the two sides meet only through events");

    @ArchTest
    static final ArchRule query_side_does_not_depend_on_command_side = noClasses()
            .that().resideInAPackage(QUERY_SIDE)
            .should().dependOnClassesThat().resideInAPackage(COMMAND_SIDE)
            .because("the two sides meet only through events");

    @ArchTest
    static final ArchRule events_depend_only_on_the_jdk_and_axon_annotations = ArchRuleDefinition.classes()
            .that().resideInAPackage(EVENTS)
            .should().onlyDependOnClassesThat(resideInAnyPackage(EVENTS, "java..").or(axonAnnotations()))
            .because("events are the contract between the sides and must stay free of any framework but Axon's annotations");

    @ArchTest
    static final ArchRule events_do_not_depend_on_spring = noClasses()
            .that().resideInAPackage(EVENTS)
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule infrastructure_does_not_depend_on_either_side = noClasses()
            .that().resideInAPackage(CONFIG)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE)
            .because("axon-config is shared infrastructure without business code");

    @ArchTest
    static final ArchRule command_side_contexts_are_free_of_cycles =
            slices().matching("org.kontor.command.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule command_side_contexts_do_not_depend_on_each_other =
            slices().matching("org.kontor.command.(*)..").should().notDependOnEachOther()
                    .because("bounded contexts talk through events, not calls");

    @ArchTest
    static final ArchRule query_side_contexts_are_free_of_cycles =
            slices().matching("org.kontor.query.(*)..").should().beFreeOfCycles();

    /**
     * The projection infrastructure is a slice too, so it may not depend on any context; contexts
     * may depend on it.
     */
    @ArchTest
    static final ArchRule query_side_contexts_do_not_depend_on_each_other =
            slices().matching("org.kontor.query.(*)..").should().notDependOnEachOther()
                    .ignoreDependency(alwaysTrue(), resideInAPackage(PROJECTION_INFRASTRUCTURE))
                    .because("bounded contexts talk through events, not calls");

    /**
     * javac writes no class file for a package-info that only has Javadoc, so this reads the
     * sources: every package directly under a side (a bounded context or shared infrastructure)
     * has a package-info.java that says in Javadoc what it owns.
     */
    @ArchTest
    static void every_context_package_has_a_package_info(JavaClasses classes) throws IOException {
        SortedSet<String> contextPackages = contextPackagesOf(classes);
        assertThat(contextPackages).as("context packages found").contains("org.kontor.command.crm", "org.kontor.query.crm");
        List<Path> sourceRoots = mainSourceRoots();
        List<String> missing = new ArrayList<>();
        for (String contextPackage : contextPackages) {
            Path packageInfo = findPackageInfo(sourceRoots, contextPackage);
            if (packageInfo == null || !Files.readString(packageInfo).contains("/**")) {
                missing.add(contextPackage);
            }
        }
        assertThat(missing).as("context packages without a package-info.java with Javadoc (searched %s)", sourceRoots)
                .isEmpty();
    }

    private static SortedSet<String> contextPackagesOf(JavaClasses classes) {
        SortedSet<String> contextPackages = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            for (String parent : CONTEXT_PARENTS) {
                String packageName = javaClass.getPackageName();
                if (packageName.startsWith(parent + ".")) {
                    String context = packageName.substring(parent.length() + 1).split("\\.")[0];
                    contextPackages.add(parent + "." + context);
                }
            }
        }
        return contextPackages;
    }

    /** The src/main/java folders of every module; the tests run in the server module's folder. */
    private static List<Path> mainSourceRoots() throws IOException {
        Path projectRoot = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        assertThat(projectRoot.resolve("pom.xml")).as("the parent pom beside the server module").exists();
        try (Stream<Path> modules = Files.list(projectRoot)) {
            return modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
        }
    }

    private static Path findPackageInfo(List<Path> sourceRoots, String packageName) {
        for (Path root : sourceRoots) {
            Path candidate = root.resolve(packageName.replace('.', '/')).resolve("package-info.java");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static DescribedPredicate<JavaClass> axonAnnotations() {
        return DescribedPredicate.describe("are Axon annotations",
                javaClass -> javaClass.getPackageName().startsWith("org.axonframework.") && javaClass.isAnnotation());
    }

    /**
     * Outside the reactor, a module's test classes come from its -tests.jar in the local repository;
     * DoNotIncludeTests only knows test folders.
     */
    public static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
