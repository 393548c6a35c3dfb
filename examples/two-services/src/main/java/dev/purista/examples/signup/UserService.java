package dev.purista.examples.signup;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** Service {@code user} v1: signs users up and announces each one as {@code user.signedUp}. */
public final class UserService {
  public static final String USER_SIGNED_UP = "user.signedUp";

  /** What a caller sends. */
  public record SignUpPayload(@NotBlank @Email String email) {
  }

  /** No parameters; an empty record keeps the signature honest. */
  public record SignUpParameter() {
  }

  /** What the caller gets back, and what the success event carries. */
  public record SignUpResult(String email, long userNumber) {
  }

  public static final CommandDefinition<SignUpPayload, SignUpParameter, SignUpResult> SIGN_UP = CommandDefinition
      .builder("signUp", SignUpPayload.class, SignUpParameter.class, SignUpResult.class)
      .description("registers a user")
      .http(HttpMethod.POST, "users", HttpAccess.PUBLIC)
      .successEvent(USER_SIGNED_UP)
      .handler((context, payload, parameter) -> {
        long number = context.states().increment("users");
        context.logger().info("user #{} signed up", number);
        return new SignUpResult(payload.email(), number);
      })
      .build();

  public static final ServiceDefinition DEFINITION = ServiceDefinition.builder("user", "1")
      .description("user management")
      .command(SIGN_UP)
      .build();

  private UserService() {
  }
}
