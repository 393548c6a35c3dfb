package dev.purista.benchmarks.http;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.http.HttpServer;
import dev.purista.http.HttpSettings;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The Java side of the HTTP peer comparison: the workload of {@code benchmarks/hono-peer} (its README), served by
 * purista-http. {@code POST /api/v1/user/signup} of service {@code user} v1, payload, parameter and result
 * validated with the same constraints as the peer's zod schemas, the same answer. Usage:
 * {@code java -cp http-benchmarks.jar dev.purista.benchmarks.http.PeerServer PORT}.
 */
public final class PeerServer {

  public record SignUp(@NotBlank @Email String email, @NotNull @Size(min = 8) String password,
      @NotNull @Size(min = 1) String name) {
  }

  public record NoParameters() {
  }

  public record SignedUp(@NotNull String userId, @NotNull String email, @NotNull String name) {
  }

  static final CommandDefinition<SignUp, NoParameters, SignedUp> SIGN_UP = CommandDefinition
      .builder("signUp", SignUp.class, NoParameters.class, SignedUp.class)
      .http(HttpMethod.POST, "user/signup", HttpAccess.PUBLIC)
      .handler((context, payload, parameter) -> new SignedUp("u-" + payload.email(), payload.email(),
          payload.name()))
      .build();

  private PeerServer() {
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: PeerServer PORT");
      System.exit(2);
    }
    Application.builder(new DefaultEventBridge())
        .service(ServiceDefinition.builder("user", "1").command(SIGN_UP).build())
        .component(HttpServer.of(HttpSettings.builder().host("127.0.0.1").port(Integer.parseInt(args[0]))
            .docsPage(false).build()))
        .build()
        .start();
  }
}
