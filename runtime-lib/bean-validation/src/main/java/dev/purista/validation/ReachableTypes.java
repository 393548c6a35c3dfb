package dev.purista.validation;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The application's classes a validated value may hold: the declared types, and every class reachable from them
 * through fields (record components included), getters' return types, type arguments, array components and the
 * permitted subclasses of sealed types. Constraints and {@code @Valid} can sit on any of these, so a scoped
 * validator reads them all up front; a class missed here (a subclass, an implementation of an interface) is not
 * an error, only a value the general validator validates instead.
 *
 * <p>JDK classes and Jackson's tree types are left out: they carry no constraint annotations, and walking them would
 * pull in their internals. Interfaces are walked but not listed, since Hibernate Validator reads their constraints
 * with the classes that implement them; a sealed interface's permitted subclasses are followed. The walk stops
 * after {@link #LIMIT} classes, so that a payload that holds a large third-party object graph does not make
 * start-up read all of it.
 */
final class ReachableTypes {
  static final int LIMIT = 500;

  private ReachableTypes() {
  }

  static Set<Class<?>> from(Collection<Class<?>> declared) {
    Set<Class<?>> found = new LinkedHashSet<>();
    Set<Class<?>> seen = new HashSet<>();
    Deque<Type> pending = new ArrayDeque<>(declared);
    while (!pending.isEmpty() && found.size() < LIMIT) {
      Type type = pending.pop();
      if (type instanceof Class<?> c) {
        if (seen.add(c)) {
          visit(c, found, pending);
        }
      } else if (type instanceof ParameterizedType parameterized) {
        pending.push(parameterized.getRawType());
        pending.addAll(List.of(parameterized.getActualTypeArguments()));
      } else if (type instanceof WildcardType wildcard) {
        pending.addAll(List.of(wildcard.getUpperBounds()));
        pending.addAll(List.of(wildcard.getLowerBounds()));
      } else if (type instanceof TypeVariable<?> variable) {
        // Bounds only: a variable that is only bound by Object reaches nothing.
        pending.addAll(List.of(variable.getBounds()));
      } else if (type instanceof GenericArrayType array) {
        pending.push(array.getGenericComponentType());
      }
    }
    return found;
  }

  private static void visit(Class<?> c, Set<Class<?>> found, Deque<Type> pending) {
    if (c.isArray()) {
      pending.push(c.getComponentType());
      return;
    }
    if (c.isPrimitive() || c.isAnnotation() || outsideTheApplication(c)) {
      return;
    }
    List<Type> reached;
    try {
      reached = reachedFrom(c);
    } catch (LinkageError | RuntimeException e) {
      // A class whose members cannot be read (a field of a type missing from the class path, say) stays out:
      // reading its constraints at start would fail the same way. Validating such a value, if it ever comes,
      // fails as it always did, in the general validator.
      return;
    }
    if (!c.isInterface()) {
      found.add(c);
    }
    pending.addAll(reached);
  }

  /** The types {@code c}'s members, interfaces and permitted subclasses name. */
  private static List<Type> reachedFrom(Class<?> c) {
    List<Type> reached = new ArrayList<>();
    if (c.isSealed()) {
      reached.addAll(List.of(c.getPermittedSubclasses()));
    }
    reached.addAll(List.of(c.getGenericInterfaces()));
    // Declared members of every visibility, as Hibernate Validator reads them, up to the first JDK superclass.
    for (Class<?> owner = c; owner != null && !outsideTheApplication(owner); owner = owner.getSuperclass()) {
      for (Field field : owner.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          reached.add(field.getGenericType());
        }
      }
      for (Method method : owner.getDeclaredMethods()) {
        if (method.getParameterCount() == 0 && method.getReturnType() != void.class
            && !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()) {
          reached.add(method.getGenericReturnType());
        }
      }
    }
    return reached;
  }

  private static boolean outsideTheApplication(Class<?> c) {
    String name = c.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
        || name.startsWith("sun.") || name.startsWith("com.sun.") || name.startsWith("com.fasterxml.jackson.");
  }
}
