package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Enforces the hexagon's dependency rule on the production classes, and proves on a broken fixture that it bites. */
@AnalyzeClasses(packages = "dev.optoant", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = HexagonRules.domainDependsOnJdkAndJacksonOnly("dev.optoant");

    @ArchTest
    static final ArchRule adaptersAreIndependent = HexagonRules.adaptersAreIndependent("dev.optoant");

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("dev.optoant.archfixture");

    @Test
    void productionClassesAreImported() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.optoant");
        assertThat(production.containPackage("dev.optoant.domain")).isTrue();
        assertThat(production.containPackage("dev.optoant.http")).isTrue();
        assertThat(production.containPackage("dev.optoant.upstream")).isTrue();
        assertThat(production.containPackage("dev.optoant.persistence")).isTrue();
    }

    @Test
    void aDomainClassUsingAFrameworkBreaksTheDomainRule() {
        assertThatThrownBy(() -> HexagonRules.domainDependsOnJdkAndJacksonOnly("dev.optoant.archfixture").check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.optoant.archfixture.domain.LeakyDomainType");
    }

    @Test
    void anAdapterCallingAnotherAdapterBreaksTheAdapterRule() {
        assertThatThrownBy(() -> HexagonRules.adaptersAreIndependent("dev.optoant.archfixture").check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.optoant.archfixture.upstream.UpstreamReachingIntoPersistence");
    }
}
