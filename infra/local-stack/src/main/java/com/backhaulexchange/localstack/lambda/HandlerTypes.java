package com.backhaulexchange.localstack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the event type {@code I} of a {@code RequestHandler<I, O>} implementation, following type variables
 * through generic superclasses and interfaces ({@code class H extends Base<SQSEvent>}), or of a
 * {@code RequestStreamHandler}'s typed entry.
 */
final class HandlerTypes {

    private HandlerTypes() {
    }

    static Optional<Type> requestHandlerInputType(Class<?> handlerClass) {
        return find(handlerClass, Map.of());
    }

    /**
     * For a {@code RequestStreamHandler}: the event type of its public typed {@code handleRequest(event, Context)},
     * or {@code Object} when it has none (it takes any JSON).
     */
    static Optional<Type> streamHandlerInputType(Class<?> handlerClass) {
        if (!RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            return Optional.empty();
        }
        for (Method method : handlerClass.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (method.getName().equals("handleRequest") && parameters.length == 2
                    && parameters[1] == Context.class && parameters[0] != InputStream.class) {
                return Optional.of(method.getGenericParameterTypes()[0]);
            }
        }
        return Optional.of(Object.class);
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> clazz) {
            return clazz;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof TypeVariable<?> variable && variable.getBounds().length > 0) {
            return rawClass(variable.getBounds()[0]);
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        return Object.class;
    }

    private static Optional<Type> find(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type == null) {
            return Optional.empty();
        }
        Class<?> raw = rawClass(type);
        Map<TypeVariable<?>, Type> ownBindings = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                ownBindings.put(variables[i], substitute(arguments[i], bindings));
            }
            if (raw == RequestHandler.class) {
                return Optional.of(ownBindings.get(variables[0]));
            }
        } else if (raw == RequestHandler.class) {
            return Optional.of(Object.class);
        }
        for (Type implemented : raw.getGenericInterfaces()) {
            Optional<Type> found = find(implemented, ownBindings);
            if (found.isPresent()) {
                return found;
            }
        }
        return find(raw.getGenericSuperclass(), ownBindings);
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> variable && bindings.containsKey(variable) ? bindings.get(variable) : type;
    }
}
