package org.kontor.server;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
class ScratchRulesTest {
    @Test
    void rules() throws Exception {
        var classes = new ClassFileImporter().importPackages("org.kontor");
        try { ArchitectureTest.every_context_package_has_a_package_info(classes); System.out.println("PKG passed"); }
        catch (AssertionError e) { System.out.println("PKG " + e.getMessage()); }
    }
}
