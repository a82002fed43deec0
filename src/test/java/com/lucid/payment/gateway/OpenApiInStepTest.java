package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OpenAPI document and the router describe the same API: the same paths with the same methods, every error code
 * with its status. The document is read line by line (no YAML library is on the classpath): paths are the two-space
 * keys under {@code paths:}, methods the four-space keys under them, codes the entries of {@code x-error-codes}.
 */
@Timeout(30)
class OpenApiInStepTest extends GatewayFixture {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
  private static final Pattern ERROR_CODE = Pattern.compile("^  (LUCID_ERR_\\d{4}): \\{status: (\\d{3}),(?: also: (\\d{3}),)? name: (\\w+),");

  private static List<String> document() throws IOException {
    try (InputStream in = OpenApiInStepTest.class.getResourceAsStream("/openapi.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static Set<String> documentedRoutes() throws IOException {
    Set<String> routes = new TreeSet<>();
    boolean inPaths = false;
    String path = null;
    for (String line : document()) {
      if (!line.startsWith(" ") && !line.isBlank()) {
        inPaths = line.equals("paths:");
      } else if (inPaths && line.matches("^  /\\S*:$")) {
        path = line.trim().replaceAll(":$", "");
      } else if (inPaths && line.matches("^    [a-z]+:$") && METHODS.contains(line.trim().replaceAll(":$", ""))) {
        routes.add(line.trim().replaceAll(":$", "").toUpperCase() + " " + path);
      }
    }
    return routes;
  }

  private Set<String> routerRoutes() {
    Set<String> routes = new TreeSet<>();
    for (Route route : gateway.router().getRoutes()) {
      if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) {
        continue; // the steps every request passes (request id, access log)
      }
      String path = route.getPath().substring(GatewayVerticle.BASE.length()).replaceAll(":([a-z_]+)", "{$1}");
      for (HttpMethod method : route.methods()) {
        routes.add(method.name() + " " + path);
      }
    }
    return routes;
  }

  @Test
  void theDocumentAndTheRouterHaveTheSameRoutesAndMethods() throws Exception {
    Set<String> router = routerRoutes();
    assertEquals(20, router.size(), router.toString());
    assertEquals(router, documentedRoutes());
  }

  @Test
  void everyErrorCodeIsDocumentedWithItsStatus() throws Exception {
    Map<String, String> documented = new TreeMap<>();
    for (String line : document()) {
      Matcher m = ERROR_CODE.matcher(line);
      if (m.find()) {
        documented.put(m.group(1), m.group(2) + " " + m.group(4));
      }
    }
    Map<String, String> actual = new TreeMap<>();
    for (ErrorCode code : ErrorCode.values()) {
      actual.put(code.code(), code.status() + " " + code.name());
      assertTrue(document().contains("        - " + code.code()), code + " missing from the ErrorCode schema enum");
    }
    assertEquals(actual, documented);
  }

  @Test
  void theDocumentIsServedWithoutAToken() throws Exception {
    Http.Response r = http.get("/openapi.yaml", null);
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").orElseThrow().startsWith("application/yaml"));
    assertEquals(String.join("\n", document()), r.body().stripTrailing());
    assertTrue(r.header("X-Request-ID").isPresent());
  }
}
