package dev.purista.examples.signup;

import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.MessageAddress;
import dev.purista.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Runs both services in one process on the in-memory bridge and serves their HTTP commands: signs up a user over
 * HTTP ({@code POST /api/v1/users}) and two more through the bridge, shows that a bad payload is refused with a
 * 400, waits until the email service has welcomed every user, and stops gracefully. Exit status 0 means every
 * step worked. With {@code --serve} it keeps serving afterwards until SIGTERM or Ctrl+C, on port 8080 or the one
 * in {@code PURISTA_HTTP_PORT}.
 */
public final class SignUpDemo {
  private static final MessageAddress SIGN_UP = MessageAddress.of("user", "1", "signUp");
  private static final MessageAddress LIST_SENT = MessageAddress.of("email", "1", "listSent");

  private SignUpDemo() {
  }

  public static void main(String[] args) throws InterruptedException, IOException {
    boolean serve = List.of(args).contains("--serve");
    HttpServer http = HttpServer.fromEnvironment();
    Application app = application(http);
    if (serve) {
      Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "demo-shutdown"));
    }
    try {
      run(app, http);
    } finally {
      if (!serve) {
        app.stop();
      }
    }
    if (serve) {
      System.out.println("serving; try: curl -H 'Content-Type: application/json' -d '{\"email\":\"you@example.com\"}' "
          + "http://localhost:" + http.port() + "/api/v1/users");
      Thread.currentThread().join();
    }
  }

  /** Both services, and their HTTP commands served by {@code http}: one line on the builder. */
  static Application application(HttpServer http) {
    return Application.builder(new DefaultEventBridge())
        .service(UserService.DEFINITION)
        .service(EmailService.DEFINITION)
        .component(http)
        .build();
  }

  /** Starts {@code app} and runs the demo's steps against it and its {@code http} server; throws on any failure. */
  static void run(Application app, HttpServer http) throws InterruptedException, IOException {
    app.start();
    String answer = signUpOverHttp(http.port(), "ada@example.com");
    System.out.println("POST /api/v1/users answered " + answer);
    PuristaClient client = app.client("demo");
    List<String> emails = List.of("ada@example.com", "grace@example.com", "linus@example.com");
    for (String email : emails.subList(1, emails.size())) {
      UserService.SignUpResult result = client.invoke(SIGN_UP, new UserService.SignUpPayload(email),
          new UserService.SignUpParameter(), UserService.SignUpResult.class);
      System.out.println("signed up " + result.email() + " as user #" + result.userNumber());
    }
    try {
      client.invoke(SIGN_UP, new UserService.SignUpPayload("not an email"), new UserService.SignUpParameter(),
          UserService.SignUpResult.class);
      throw new IllegalStateException("an invalid email was accepted");
    } catch (HandledError refused) {
      System.out.println("refused: " + refused.status().code() + " " + refused.getMessage());
    }
    List<String> welcomed = awaitWelcomes(client, emails.size(), Duration.ofSeconds(10));
    System.out.println("welcome mails sent to " + welcomed);
    if (!welcomed.containsAll(emails)) {
      throw new IllegalStateException("not every user was welcomed: " + welcomed);
    }
  }

  private static String signUpOverHttp(int port, String email) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("sign-up over HTTP answered " + response.statusCode() + " " + response.body());
    }
    return response.statusCode() + " " + response.body();
  }

  private static List<String> awaitWelcomes(PuristaClient client, int expected, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      List<String> sent = client.invoke(LIST_SENT, new EmailService.NoInput(), new EmailService.NoInput(),
          EmailService.SentMails.class).recipients();
      if (sent.size() >= expected || System.nanoTime() > deadline) {
        return sent;
      }
      Thread.sleep(20);
    }
  }
}
