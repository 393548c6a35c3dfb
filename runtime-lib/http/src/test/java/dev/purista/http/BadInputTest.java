package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.http.fixture.RawHttp;
import dev.purista.http.fixture.ServerUnderTest;
import dev.purista.http.fixture.ShopService;
import dev.purista.http.fixture.TestServer;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several hundred malformed requests, generated from a fixed seed: broken JSON, wrong types, constraint
 * violations, huge numbers, deep nesting, invalid UTF-8, path traversal in a path variable, header floods, raw
 * non-ASCII and control characters in a path variable, and transfer codings that do not end in chunked. Every one
 * is answered with a 4xx problem, the server goes on serving, and no handler ever sees an invalid payload or
 * parameter. Requests that the server's own parser refuses are answered by it with a plain 4xx, tested apart.
 *
 * <p>The two servers' parsers refuse different requests ({@link #refusedByJdkParser}): the JDK's server answers a
 * target that is no URI, and a transfer coding it does not know, itself (an HTML line, the connection closed);
 * the rest of Undertow's parser checks are made by the JDK adapter and answered as problems.
 */
class BadInputTest {
  private static final String VALID = "{\"name\":\"pen\",\"quantity\":3,\"tags\":[\"blue\",\"red\"]}";
  private static final long SEED = 20261207L;
  private static final boolean JDK = ServerUnderTest.kind() == ServerKind.JDK;

  /** The generated kinds the JDK server's parser may refuse itself, before its handler runs. */
  private static final Set<String> JDK_PARSER_KINDS = Set.of("raw-non-ascii-path", "raw-control-in-path",
      "unframed-body", "header-name", "content-length", "content-length-overflow");
  private static TestServer server;

  /** One generated request: its kind, the raw head lines and the body. */
  private record Case(String kind, String head, byte[] body) {
  }

  @BeforeAll
  static void start() {
    server = new TestServer(settings -> { });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Case post(String kind, String path, byte[] body) {
    return new Case(kind, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n", body);
  }

  private static Case post(String kind, String json) {
    return post(kind, "/api/v1/items/a1", json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Case> generate() {
    Random random = new Random(SEED);
    List<Case> cases = new ArrayList<>();
    // Broken JSON: every proper prefix of a valid body, and prefixes followed by stray structure.
    for (int end = 1; end < VALID.length(); end++) {
      cases.add(post("broken-json", VALID.substring(0, end)));
    }
    String[] strays = {"}", "]", ",", ":", "\"", "}}", "{", "\u0000", "'", "/*"};
    int spliced = 0;
    while (spliced < 40) {
      String prefix = VALID.substring(0, 1 + random.nextInt(VALID.length() - 1));
      String body = prefix + strays[random.nextInt(strays.length)] + VALID.substring(random.nextInt(VALID.length()));
      // A splice can happen to be valid JSON ("r" + ":" + "\"]}" is); only what a strict parser refuses counts.
      if (!isJson(body)) {
        cases.add(post("broken-json", body));
        spliced++;
      }
    }
    // Wrong types Jackson does not coerce, in each field.
    String[] notAString = {"{}", "[]", "[\"x\"]", "{\"a\":1}"};
    String[] notAnInt = {"\"many\"", "{}", "[]", "true", "null", "\"\"", "[1]"};
    String[] notAList = {"\"blue\"", "{}", "7", "true", "[{}]", "[[\"a\"]]"};
    for (String value : notAString) {
      cases.add(post("wrong-type", "{\"name\":" + value + ",\"quantity\":3}"));
    }
    for (String value : notAnInt) {
      cases.add(post("wrong-type", "{\"name\":\"pen\",\"quantity\":" + value + "}"));
    }
    for (String value : notAList) {
      cases.add(post("wrong-type", "{\"name\":\"pen\",\"quantity\":3,\"tags\":" + value + "}"));
    }
    cases.add(post("wrong-type", "[1,2,3]"));
    cases.add(post("wrong-type", "\"pen\""));
    cases.add(post("wrong-type", "42"));
    // Constraint violations.
    for (int i = 0; i < 30; i++) {
      int quantity = random.nextBoolean() ? -random.nextInt(1_000_000) : 1001 + random.nextInt(1_000_000);
      String name = random.nextBoolean() ? " ".repeat(random.nextInt(3)) : "n".repeat(41 + random.nextInt(200));
      cases.add(post("constraint", "{\"name\":\"" + name + "\",\"quantity\":" + quantity + "}"));
    }
    // Huge numbers.
    for (int i = 0; i < 30; i++) {
      String number;
      switch (i % 3) {
        case 0:
          number = "9".repeat(11 + random.nextInt(5000));
          break;
        case 1:
          number = "1e" + (400 + random.nextInt(100000));
          break;
        default:
          number = "-" + "9".repeat(20 + random.nextInt(100));
          break;
      }
      cases.add(post("huge-number", "{\"name\":\"pen\",\"quantity\":" + number + "}"));
    }
    // Deep nesting, in a list and in an object.
    for (int i = 0; i < 40; i++) {
      int depth = 2 + random.nextInt(i < 20 ? 50 : 20_000);
      if (i % 2 == 0) {
        cases.add(post("deep-nesting", "{\"name\":\"pen\",\"quantity\":3,\"tags\":" + "[".repeat(depth) + "\"a\""
            + "]".repeat(depth) + "}"));
      } else {
        cases.add(post("deep-nesting", "{\"name\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)
            + ",\"quantity\":3}"));
      }
    }
    // Invalid UTF-8 inside a string of an otherwise valid body.
    byte[][] invalid = {{(byte) 0xff}, {(byte) 0xfe}, {(byte) 0xc3, 0x28}, {(byte) 0x80}, {(byte) 0xe2, 0x28,
        (byte) 0xa1}, {(byte) 0xf0, 0x28, (byte) 0x8c, (byte) 0xbc}, {(byte) 0xc3}, {(byte) 0xf8, (byte) 0x88,
        (byte) 0x80, (byte) 0x80, (byte) 0x80}};
    for (int i = 0; i < 40; i++) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] prefix = "{\"name\":\"p".getBytes(StandardCharsets.UTF_8);
      body.write(prefix, 0, prefix.length);
      byte[] bad = invalid[random.nextInt(invalid.length)];
      body.write(bad, 0, bad.length);
      byte[] suffix = "en\",\"quantity\":3}".getBytes(StandardCharsets.UTF_8);
      body.write(suffix, 0, suffix.length);
      cases.add(post("invalid-utf8", "/api/v1/items/a1", body.toByteArray()));
    }
    // Path traversal in the path variable, percent-encoded in every way.
    String[] dots = {"..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", ".", "%2e"};
    String[] separators = {"/", "%2f", "%2F", "%5c", "%5C", "%00/", "%c0%af", "%ff/"};
    String[] targets = {"etc", "passwd", "..", "%2e%2e", "admin"};
    for (int i = 0; i < 60; i++) {
      StringBuilder id = new StringBuilder(dots[random.nextInt(dots.length)]);
      int steps = 1 + random.nextInt(4);
      for (int step = 0; step < steps; step++) {
        id.append(separators[random.nextInt(separators.length)]).append(targets[random.nextInt(targets.length)]);
      }
      cases.add(new Case("path-traversal", "GET /api/v1/items/" + id + " HTTP/1.1\r\nHost: localhost\r\n",
          new byte[0]));
    }
    // Header floods: too many fields, or too many bytes.
    for (int i = 0; i < 40; i++) {
      StringBuilder head = new StringBuilder("GET /api/v1/items/a1 HTTP/1.1\r\nHost: localhost\r\n");
      if (i % 2 == 0) {
        int count = 101 + random.nextInt(1800);
        for (int h = 0; h < count; h++) {
          head.append("X-Flood-").append(h).append(": ").append(random.nextInt()).append("\r\n");
        }
      } else {
        int size = 33 * 1024 + random.nextInt(200 * 1024);
        head.append("X-Big: ").append("a".repeat(size)).append("\r\n");
      }
      cases.add(new Case("header-flood", head.toString(), new byte[0]));
    }
    // Raw (not percent-encoded) non-ASCII characters in a path variable, sent as UTF-8 bytes.
    String[] foreign = {"\u00fc", "\u00df", "\u00e9", "\u4e2d", "\u0416", "\ud83d\ude00", "\u00a0", "\u2028"};
    for (int i = 0; i < 30; i++) {
      String id = "a" + foreign[random.nextInt(foreign.length)] + (random.nextBoolean() ? "" : "b");
      String target = new String(("/api/v1/items/" + id).getBytes(StandardCharsets.UTF_8),
          StandardCharsets.ISO_8859_1);
      cases.add(new Case("raw-non-ascii-path", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n", new byte[0]));
    }
    // Raw control characters in a path variable.
    for (int i = 0; i < 20; i++) {
      char control = (char) (random.nextBoolean() ? 0x7f : 1 + random.nextInt(0x1f));
      if (control == '\r' || control == '\n' || control == '\t' || control == ' ') {
        control = 0x01;
      }
      cases.add(new Case("raw-control-in-path", "GET /api/v1/items/a" + control + "1 HTTP/1.1\r\nHost: localhost\r\n",
          new byte[0]));
    }
    // A transfer coding that does not end in chunked leaves the body's end unknown.
    String[] codings = {"gzip", "deflate", "compress", "br", "x-custom", "chunked, gzip"};
    for (int i = 0; i < 20; i++) {
      byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
      cases.add(new Case("unframed-body", "POST /api/v1/items/a1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
          + "application/json\r\nTransfer-Encoding: " + codings[random.nextInt(codings.length)] + "\r\n", body));
    }
    return cases;
  }

  /**
   * Requests Undertow's own parser refuses before any handler runs: a malformed request line, a malformed header
   * name, more than 2,000 header fields, a malformed or repeated Content-Length, and a missing,
   * repeated or malformed Host. Undertow answers these with its own fixed {@code 400} (an empty body, and the
   * connection closed), which no handler can replace; the documentation lists them. On the JDK server the adapter
   * answers most of them with a 400 problem, its parser the rest (see {@link #refusedByJdkParser}); more header
   * fields than its ceiling close the connection without an answer.
   */
  private static List<Case> parserRejects() {
    Random random = new Random(SEED + 1);
    List<Case> cases = new ArrayList<>();
    String separators = "@()<>,;:\\\"[]?={}/";
    for (int i = 0; i < 30; i++) {
      String method = "G" + separators.charAt(random.nextInt(separators.length())) + "T";
      cases.add(new Case("request-line", method + " /api/v1/items/a1 HTTP/1.1\r\nHost: localhost\r\n",
          new byte[0]));
    }
    for (int i = 0; i < 20; i++) {
      String version = "HTTP/" + (2 + random.nextInt(8)) + "." + random.nextInt(10);
      cases.add(new Case("request-line", "GET /api/v1/items/a1 " + version + "\r\nHost: localhost\r\n",
          new byte[0]));
    }
    for (int i = 0; i < 20; i++) {
      String target = "/api/v1/items/a" + " ".repeat(1 + random.nextInt(3)) + (random.nextBoolean() ? "1" : "x y");
      cases.add(new Case("request-line", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n", new byte[0]));
    }
    for (int i = 0; i < 20; i++) {
      String name = "X" + separators.charAt(random.nextInt(separators.length() - 1)) + "Name";
      if (name.contains(":")) {
        name = "X(Name)";
      }
      cases.add(new Case("header-name", "GET /api/v1/items/a1 HTTP/1.1\r\nHost: localhost\r\n" + name + ": 1\r\n",
          new byte[0]));
    }
    for (int i = 0; i < 5; i++) {
      StringBuilder head = new StringBuilder("GET /api/v1/items/a1 HTTP/1.1\r\nHost: localhost\r\n");
      int count = 2001 + random.nextInt(500);
      for (int h = 0; h < count; h++) {
        head.append("X-Flood-").append(h).append(": 1\r\n");
      }
      cases.add(new Case("header-count", head.toString(), new byte[0]));
    }
    String[] lengths = {"abc", "-1", "1.5", "2, 3", "0x10"};
    for (String length : lengths) {
      cases.add(new Case("content-length", "POST /api/v1/items/a1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
          + "application/json\r\nContent-Length: " + length + "\r\n", new byte[0]));
    }
    cases.add(new Case("content-length", "POST /api/v1/items/a1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
        + "application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n", "{}".getBytes(StandardCharsets.UTF_8)));
    // A Content-Length of digits too many for any length: refused by Undertow's parser or, when it lets one
    // through, by the server with a 400 problem; either way a 400 that closes the connection, never a 500.
    for (int i = 0; i < 10; i++) {
      cases.add(new Case("content-length-overflow", "POST /api/v1/items/a1 HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: 9" + "9".repeat(19 + random.nextInt(40)) + "\r\n",
          new byte[0]));
    }
    cases.add(new Case("host", "GET /api/v1/items/a1 HTTP/1.1\r\n", new byte[0]));
    cases.add(new Case("host", "GET /api/v1/items/a1 HTTP/1.1\r\nHost: a\r\nHost: b\r\n", new byte[0]));
    for (int i = 0; i < 5; i++) {
      cases.add(new Case("host", "GET /api/v1/items/a1 HTTP/1.1\r\nHost: localhost:" + (65536 + random.nextInt(
          100_000)) + "\r\n", new byte[0]));
    }
    return cases;
  }

  private static boolean isJson(String text) {
    try {
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * On the JDK server, a request of a kind its parser refuses, answered by it: a 400 (or a 501 for an unknown
   * transfer coding) that closes the connection.
   */
  private static boolean refusedByJdkParser(Case c, RawHttp.Answer answer) {
    return JDK && JDK_PARSER_KINDS.contains(c.kind()) && (answer.status() == 400 || answer.status() == 501)
        && answer.hasHeader("Connection", "close");
  }

  /**
   * The one leniency of the JDK server's parser: a request line with spaces inside the target is read as the
   * target up to its first space (the rest is dropped), so {@code GET /api/v1/items/a x y} is served as
   * {@code GET /api/v1/items/a}. Undertow refuses it. The answer is then the one that shorter target has.
   */
  private static boolean servedUpToTheFirstSpace(Case c, RawHttp.Answer answer) {
    String line = c.head().substring(0, c.head().indexOf("\r\n"));
    String[] parts = line.split(" +");
    return JDK && c.kind().equals("request-line") && parts.length > 3 && answer.status() == 200
        && parts[0].equals("GET") && parts[parts.length - 1].equals("HTTP/1.1");
  }

  @Test
  void everyMalformedRequestIsA4xxProblemAndNoHandlerSeesIt() {
    List<Case> cases = generate();
    assertTrue(cases.size() >= 300, "several hundred cases: " + cases.size());
    ShopService.SEEN.clear();
    List<String> wrong = new ArrayList<>();
    int index = 0;
    for (Case c : cases) {
      RawHttp.Answer answer = RawHttp.exchange(server.port(), c.head(), c.body());
      boolean problem = answer.hasHeader("Content-Type", "application/problem+json");
      if ((answer.status() < 400 || answer.status() >= 500 || !problem) && !refusedByJdkParser(c, answer)) {
        wrong.add(c.kind() + " #" + index + ": " + answer.status() + " " + answer.body());
      }
      if (index++ % 50 == 0) {
        assertEquals(200, server.postJson("/api/v1/items/a1", VALID).statusCode(), "the server keeps serving");
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(200, server.postJson("/api/v1/items/a1", VALID).statusCode(), "the server keeps serving");

    Validator validator = Validation.byDefaultProvider().configure()
        .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
        .buildValidatorFactory().getValidator();
    for (Object seen : ShopService.SEEN) {
      assertEquals(java.util.Set.of(), validator.validate(seen), "a handler saw an invalid " + seen);
    }
    assertTrue(ShopService.SEEN.stream().allMatch(seen -> !(seen instanceof ShopService.Item item)
        || item.name().equals("pen")), "only the valid probes reached the handler");
  }

  @Test
  void parserRejectsAreAPlain400ThatClosesTheConnectionAndTheServerKeepsServing() {
    List<Case> cases = parserRejects();
    ShopService.SEEN.clear();
    List<String> wrong = new ArrayList<>();
    int index = 0;
    for (Case c : cases) {
      RawHttp.Answer answer;
      try {
        answer = RawHttp.exchange(server.port(), c.head(), c.body());
      } catch (java.io.UncheckedIOException e) {
        // The JDK server closes the connection without an answer on more header fields than its ceiling.
        if (!JDK || !c.kind().equals("header-count")) {
          wrong.add(c.kind() + " #" + index + ": no answer " + e.getMessage());
        }
        index++;
        continue;
      }
      boolean plain = answer.body().isEmpty() || ((JDK || c.kind().equals("content-length-overflow"))
          && answer.hasHeader("Content-Type", "application/problem+json"));
      if ((answer.status() != 400 || !answer.hasHeader("Connection", "close") || !plain)
          && !refusedByJdkParser(c, answer) && !servedUpToTheFirstSpace(c, answer)) {
        wrong.add(c.kind() + " #" + index + ": " + answer.text());
      }
      if (index++ % 20 == 0) {
        assertEquals(200, server.postJson("/api/v1/items/a1", VALID).statusCode(), "the server keeps serving");
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(200, server.postJson("/api/v1/items/a1", VALID).statusCode(), "the server keeps serving");
    assertTrue(ShopService.SEEN.stream().allMatch(seen -> !(seen instanceof ShopService.Item item)
        || item.name().equals("pen")), "no refused request reached a handler");
  }
}
