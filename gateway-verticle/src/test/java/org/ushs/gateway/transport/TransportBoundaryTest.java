package org.ushs.gateway.transport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The transport seam: only {@code org.ushs.gateway.transport.ws} touches Netty or Vert.x internals,
 * so that the session, hub and fan-out work over any {@link ClientChannel}.
 */
class TransportBoundaryTest {

  private static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ushs.gateway");

  @Test
  void onlyTheWebSocketTransportTouchesNettyOrVertxInternals() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("org.ushs.gateway.transport.ws..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.netty..",
                "io.vertx.core.internal..",
                "io.vertx.core.impl..",
                "io.vertx..impl..")
            .because("the WebSocket transport is the one place that may depend on them");
    rule.check(GATEWAY);
  }

  @Test
  void theTransportInterfaceDependsOnNoTransport() {
    noClasses()
        .that()
        .resideInAPackage("org.ushs.gateway.transport")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ushs.gateway.transport.ws..")
        .check(GATEWAY);
  }
}
