package org.careloop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package structure, as the README's package map describes it: packages follow the pipeline and
 * depend on each other in one direction only. Store interfaces sit beside their domain ({@code care},
 * {@code pipeline}, {@code tickets}, {@code marketing}, {@code webhook}, {@code platform.camel}, {@code web});
 * {@code store} holds their JDBC implementations, and only the assembly ({@code CareLoop}, in the root
 * package) reaches into it. No exceptions are needed today: the DataSource is built in {@code store.Database}.
 */
@AnalyzeClasses(packages = "org.careloop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Each top-level package ({@code platform} with its sub-packages, {@code care}, {@code store}...) is one slice. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.careloop.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksJdbc = noClasses().that().resideOutsideOfPackage("org.careloop.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("JDBC belongs to the store's implementations; the other packages see the store interfaces beside their domain");

    @ArchTest
    static final ArchRule theWebNeverReachesIntoTheStore = noClasses().that().resideInAPackage("org.careloop.web..")
            .should().dependOnClassesThat().resideInAPackage("org.careloop.store..")
            .because("the console and the API go through the domain's interfaces (DraftStore, TicketStore, UserStore...)");

    @ArchTest
    static final ArchRule onlyTheAssemblyReachesIntoTheStore = classes().that().resideInAPackage("org.careloop.store..")
            .should().onlyHaveDependentClassesThat().resideInAnyPackage("org.careloop.store..", "org.careloop")
            .because("the store holds JDBC implementations only; CareLoop wires them to the interfaces beside each domain");
}
