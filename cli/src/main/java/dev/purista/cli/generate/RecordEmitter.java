package dev.purista.cli.generate;

import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.plan.ProposedFile;
import java.util.List;

/**
 * Emits a user-owned record: a payload, parameter, result or output type. Records start with no components
 * unless the skeleton needs one to be meaningful; the user adds the fields and their Bean Validation
 * constraints.
 */
final class RecordEmitter {
  private RecordEmitter() {
  }

  static ProposedFile emit(ClassName name, List<Component> components, String javadoc) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (Component component : components) {
      constructor.addParameter(component.type(), component.name());
    }
    TypeSpec type = TypeSpec.recordBuilder(name)
        .addModifiers(PUBLIC)
        .addJavadoc("$L", javadoc)
        .recordConstructor(constructor.build())
        .build();
    return JavaSources.userOwned(name, type);
  }

  /** One record component. */
  record Component(String name, TypeName type) {
  }
}
