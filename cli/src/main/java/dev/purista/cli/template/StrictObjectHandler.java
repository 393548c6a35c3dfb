package dev.purista.cli.template;

import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.util.List;

/**
 * Makes a variable that no scope provides an error. Mustache's default renders it as nothing, which would turn
 * a typo in a template into a silently broken pom.
 */
final class StrictObjectHandler extends ReflectionObjectHandler {

  @Override
  public Wrapper find(String name, List<Object> scopes) {
    Wrapper wrapper = super.find(name, scopes);
    if (wrapper instanceof MissingWrapper) {
      throw new MissingVariableException(name);
    }
    return wrapper;
  }

  /** Thrown while rendering; the renderer turns it into a message naming the template. */
  static final class MissingVariableException extends MustacheException {
    private static final long serialVersionUID = 1L;

    private final String variable;

    MissingVariableException(String variable) {
      super("missing variable " + variable);
      this.variable = variable;
    }

    String variable() {
      return variable;
    }
  }
}
