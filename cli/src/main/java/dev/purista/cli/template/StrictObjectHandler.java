package dev.purista.cli.template;

import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.lang.reflect.AccessibleObject;
import java.util.List;

/**
 * Makes a variable that no scope provides an error. Mustache's default renders it as nothing, which would turn
 * a typo in a template into a silently broken pom.
 */
final class StrictObjectHandler extends ReflectionObjectHandler {

  /**
   * A section such as {@code {{#hasCommands}}} puts its Boolean on the scope stack, and every name inside it
   * would first be looked up as a member of {@code Boolean}: one failed reflective lookup (an exception) per
   * name and spelling, in every CLI process. A Boolean has nothing a template could want, so it is skipped.
   */
  @Override
  @SuppressWarnings("rawtypes") // mustache.java declares the parameter raw; an override must too
  protected AccessibleObject findMember(Class sClass, String name) {
    return sClass == Boolean.class ? null : super.findMember(sClass, name);
  }

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
