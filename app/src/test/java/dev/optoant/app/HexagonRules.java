package dev.optoant.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/** The dependency rule of DESIGN.md as ArchUnit rules over any root package, so a fixture can prove they bite. */
final class HexagonRules {
    static final List<String> ADAPTERS = List.of("http", "upstream", "persistence");

    private HexagonRules() {
    }

    /** The domain sees the JDK, Jackson and itself; nothing else. */
    static ArchRule domainDependsOnJdkAndJacksonOnly(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "com.fasterxml.jackson..", root + ".domain..")
                .because("the domain may depend on nothing but the JDK and Jackson");
    }

    /** No adapter reaches into another adapter or into the application that wires them. */
    static ArchRule adaptersAreIndependent(String root) {
        List<ArchRule> rules = new ArrayList<>();
        for (String adapter : ADAPTERS) {
            List<String> forbidden = new ArrayList<>();
            for (String other : ADAPTERS) {
                if (!other.equals(adapter)) {
                    forbidden.add(root + "." + other + "..");
                }
            }
            forbidden.add(root + ".app..");
            rules.add(noClasses().that().resideInAPackage(root + "." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("adapters depend on the domain's ports, never on each other or on the app")
                    .allowEmptyShould(true));
        }
        CompositeArchRule all = CompositeArchRule.of(rules.get(0));
        for (ArchRule rule : rules.subList(1, rules.size())) {
            all = all.and(rule);
        }
        return all;
    }
}
