package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CompositeAuthenticator}: each kind to its authenticator; unconfigured kinds refused. */
class CompositeAuthenticatorTest {

  private static Authenticator naming(String id) {
    return credentials ->
        Future.succeededFuture(new Principal(id, Permissions.fromJson(null), null));
  }

  @Test
  void dispatchesByKind() {
    CompositeAuthenticator all =
        new CompositeAuthenticator(naming("token"), naming("key"), naming("cert"));
    assertEquals("token", all.authenticate(new Credentials.BearerToken("t")).result().id());
    assertEquals("key", all.authenticate(new Credentials.ApiKey("k")).result().id());
    var cert = new TestPki("ca").issue("c", TestPki.dns("c")).certificate();
    assertEquals(
        "cert", all.authenticate(new Credentials.ClientCertificate(List.of(cert))).result().id());
  }

  @Test
  void kindsNotConfiguredAreRefused() {
    CompositeAuthenticator none = new CompositeAuthenticator(null, null, null);
    assertEquals(
        "bearer tokens are not accepted",
        none.authenticate(new Credentials.BearerToken("t")).cause().getMessage());
    assertEquals(
        "API keys are not accepted",
        none.authenticate(new Credentials.ApiKey("k")).cause().getMessage());
  }
}
