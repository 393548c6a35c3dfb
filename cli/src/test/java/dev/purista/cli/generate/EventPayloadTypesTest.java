package dev.purista.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.ProjectInfo;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ProjectOptions;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import org.junit.jupiter.api.Test;

class EventPayloadTypesTest {
  private final ProjectLayout layout = new ProjectLayout("com.example.shop");
  private final ServiceModel email = ServiceModel.of("email", "1", "")
      .withSubscription(new SubscriptionModel("sendWelcome", "", "user.signedUp", "email.sent", "x.Y"));
  private final ServiceModel user = ServiceModel.of("user", "1", "")
      .withCommand(new CommandModel("signUp", "", null, "user.signedUp"))
      .withCommand(new CommandModel("invite", "", null, "user.invited"))
      .withCommand(new CommandModel("reinvite", "", null, "user.invited"));
  private final ProjectModel model = ProjectModel.create("1", new ProjectInfo("shop", "com.example", "shop", "1",
      "com.example.shop"), new ProjectOptions(17)).withService(user).withService(email);

  private String choose(String event) {
    return EventPayloadTypes.choose(layout, model, email, "audit", event).canonicalName();
  }

  @Test
  void aSuccessEventOfOneCommandIsReadAsThatCommandsResult() {
    assertEquals("com.example.shop.service.user.v1.command.signup.SignUpResult", choose("user.signedUp"));
  }

  @Test
  void anOutputOfOneSubscriptionIsReadAsThatSubscriptionsOutput() {
    assertEquals("com.example.shop.service.email.v1.subscription.sendwelcome.SendWelcomeOutput", choose("email.sent"));
  }

  @Test
  void anEventFromOutsideOrFromSeveralProducersGetsARecordOfItsOwn() {
    String own = "com.example.shop.service.email.v1.subscription.audit.AuditPayload";
    assertEquals(own, choose("crm.contactCreated"));
    assertEquals(own, choose("user.invited"));
  }
}
