package com.lucid.payment.app;

import com.lucid.payment.api.Role;
import com.lucid.payment.auth.DevnetSecret;
import com.lucid.payment.auth.TokenIssuer;
import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.config.ServiceConfig.JwtAlgorithm;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code token --sub NAME --role ROLE [--ttl 15m]}: prints a JWT signed with the local HS256 key (JWT_SECRET_FILE, or
 * on devnet the generated DATA_DIR/devnet-jwt-secret), read from the same environment as the service.
 */
public final class TokenCommand {
  /** Exit status of every refusal: a usage, configuration or key problem. */
  public static final int USAGE = 2;
  static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
  static final Duration MAX_TTL = Duration.ofDays(30);
  private static final Pattern TTL = Pattern.compile("([1-9][0-9]{0,6})([smhd])");
  private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final String HELP = String.join(System.lineSeparator(),
      "usage: java -jar target/tron-payment-service.jar token --sub NAME --role ROLE [--ttl 15m]",
      "  --sub   the user id the token stands for (1 to 128 visible ASCII characters)",
      "  --role  admin, service, node_operator or end_user",
      "  --ttl   how long it is valid: a number with s, m, h or d (default 15m, at most 30d and at most",
      "          JWT_MAX_LIFETIME_SECONDS, beyond which the service refuses a token)",
      "It signs with JWT_SECRET_FILE (HS256), or on devnet with DATA_DIR/devnet-jwt-secret; run it with the",
      "service's environment.");

  private TokenCommand() {}

  /** Runs the command; returns the exit status (0, or {@link #USAGE} with the reason on {@code err}). */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(HELP);
      return 0;
    }
    try {
      Map<String, String> options = options(args);
      String subject = options.get("--sub");
      if (subject == null || !SUBJECT.matcher(subject).matches()) {
        throw new Refusal("--sub is required: 1 to 128 visible ASCII characters", true);
      }
      Role role = Role.fromClaim(options.get("--role"))
          .orElseThrow(() -> new Refusal("--role must be admin, service, node_operator or end_user", true));
      Duration ttl = ttl(options.getOrDefault("--ttl", "15m"));
      ServiceConfig.Jwt key = signingKey(env);
      if (ttl.getSeconds() > key.maxLifetimeSeconds()) {
        throw new Refusal("--ttl " + options.get("--ttl") + " is longer than JWT_MAX_LIFETIME_SECONDS ("
            + key.maxLifetimeSeconds() + " s): the service would refuse the token", false);
      }
      out.println(new TokenIssuer(key).issue(subject, role, ttl, Instant.now()));
      return 0;
    } catch (Refusal r) {
      err.println("token: " + r.getMessage());
      if (r.showUsage) {
        err.println(HELP);
      }
      return USAGE;
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!name.equals("--sub") && !name.equals("--role") && !name.equals("--ttl")) {
        throw new Refusal("unknown option '" + name + "'", true);
      }
      if (i + 1 >= args.length) {
        throw new Refusal(name + " needs a value", true);
      }
      if (options.put(name, args[i + 1]) != null) {
        throw new Refusal(name + " is given twice", true);
      }
    }
    return options;
  }

  private static Duration ttl(String value) {
    Matcher m = TTL.matcher(value);
    if (!m.matches()) {
      throw new Refusal("--ttl '" + value + "' is not a number with s, m, h or d (e.g. 15m, 1h)", true);
    }
    long n = Long.parseLong(m.group(1));
    Duration ttl = switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
    if (ttl.compareTo(MAX_TTL) > 0) {
      throw new Refusal("--ttl " + value + " is longer than 30d", true);
    }
    return ttl;
  }

  /** The HS256 key; never creates the devnet secret (only the service does, at its first start). */
  private static ServiceConfig.Jwt signingKey(Map<String, String> env) {
    ServiceConfig.Jwt jwt;
    try {
      jwt = ConfigLoader.load(env).gateway().jwt();
      if (jwt.algorithm() != JwtAlgorithm.HS256) {
        throw new Refusal("JWT_ALGORITHM=" + jwt.algorithm().jwsName() + " verifies with public keys only; this"
            + " service holds no private key to sign with: get tokens from your issuer", false);
      }
      if (jwt.secret().isPresent()) {
        return jwt;
      }
      Path file = jwt.devnetSecretFile().orElseThrow();
      Optional<ServiceConfig.Secret> devnet = DevnetSecret.read(file);
      if (devnet.isEmpty()) {
        throw new Refusal("no local signing key: " + file + " does not exist yet; start the service once on devnet"
            + " (make run) or set JWT_SECRET_FILE", false);
      }
      return jwt.withSecret(devnet.get());
    } catch (ConfigException e) {
      throw new Refusal("configuration error: " + e.getMessage(), false);
    }
  }

  /** A reason to refuse, said once on stderr. */
  private static final class Refusal extends RuntimeException {
    private final boolean showUsage;

    Refusal(String message, boolean showUsage) {
      super(message, null, false, false);
      this.showUsage = showUsage;
    }
  }
}
