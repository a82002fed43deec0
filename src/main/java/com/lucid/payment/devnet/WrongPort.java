package com.lucid.payment.devnet;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * What java-tron's Jetty answers for a path its port has no servlet for (the other port's API, an
 * unknown endpoint): 405 with an HTML page for a POST, 404 for a GET. A client pointed at the
 * wrong port sees exactly this, not JSON.
 */
final class WrongPort {
  private static final String JETTY = "9.4.53.v20231009";

  private WrongPort() {}

  static void answer(RoutingContext ctx) {
    boolean post = ctx.request().method() == HttpMethod.POST;
    int status = post ? 405 : 404;
    String message = post ? "HTTP method POST is not supported by this URL" : "Not Found";
    String path = ctx.request().path().replace("&", "&amp;").replace("<", "&lt;");
    String page = "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=ISO-8859-1\"/>\n"
        + "<title>Error " + status + " " + message + "</title>\n</head>\n<body><h2>HTTP ERROR " + status + " "
        + message + "</h2>\n<table>\n<tr><th>URI:</th><td>" + path + "</td></tr>\n<tr><th>STATUS:</th><td>"
        + status + "</td></tr>\n<tr><th>MESSAGE:</th><td>" + message + "</td></tr>\n<tr><th>SERVLET:</th><td>"
        + "org.eclipse.jetty.servlet.ServletHandler$Default404Servlet-" + Integer.toHexString(System.identityHashCode(
            WrongPort.class)) + "</td></tr>\n</table>\n<hr/><a href=\"https://eclipse.org/jetty\">Powered by Jetty:// "
        + JETTY + "</a><hr/>\n\n</body>\n</html>\n";
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=iso-8859-1").end(page);
  }
}
