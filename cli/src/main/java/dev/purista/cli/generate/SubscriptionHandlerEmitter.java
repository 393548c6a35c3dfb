package dev.purista.cli.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import dev.purista.cli.plan.ProposedFile;

/** Emits the user-owned handler of a subscription ({@code SendWelcomeSubscription}). */
final class SubscriptionHandlerEmitter {
  private SubscriptionHandlerEmitter() {
  }

  static ProposedFile emit(ProjectLayout layout, ServiceModel service, SubscriptionModel subscription) {
    ClassName name = layout.subscriptionHandler(service, subscription);
    ClassName payload = ClassName.bestGuess(subscription.payloadType());
    boolean emits = subscription.emitsEvent().isPresent();
    TypeName output = emits ? layout.subscriptionOutput(service, subscription) : ClassName.get(Void.class);
    StringBuilder doc = new StringBuilder("Reacts to the event {@code ").append(subscription.event())
        .append("} in service ").append(service.label())
        .append(ServiceDefinitionEmitter.sentence(subscription.description())).append('\n');
    if (emits) {
      doc.append("\n<p>A non-null result is emitted as the event {@code ").append(subscription.emits())
          .append("}.\n");
    }
    MethodSpec.Builder handle = MethodSpec.methodBuilder("handle")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(output)
        .addParameter(RuntimeTypes.SUBSCRIPTION_CONTEXT, "context")
        .addParameter(payload, "payload")
        .addComment("Business logic goes here. A thrown exception marks the delivery failed, and durable")
        .addComment("bridges deliver the event again.");
    if (emits) {
      handle.addStatement("return new $T()", output);
    } else {
      handle.addStatement("return null");
    }
    TypeSpec type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("$L", doc.toString())
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.SUBSCRIPTION_HANDLER, payload, output))
        .addMethod(handle.build())
        .build();
    return JavaSources.userOwned(name, type);
  }
}
