package org.ebgan4j.game;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of models, read once from {@link GameSpec}'s permitted records: each one's
 * {@link ModelNames} and its static {@code of(String, DataTraits, GameParameters)} factory.
 */
final class Models {

    /** One model: its name, what it is, the record that holds its parameters and the factory of its defaults. */
    record Entry(String name, String description, Class<? extends GameSpec> spec, Method factory) {}

    private static final Map<String, Entry> ENTRIES = load();

    private Models() {}

    @SuppressWarnings("unchecked")
    private static Map<String, Entry> load() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Class<?> c : GameSpec.class.getPermittedSubclasses()) {
            ModelNames names = c.getAnnotation(ModelNames.class);
            if (names == null || names.value().length != names.descriptions().length) {
                throw new IllegalStateException(c.getName() + " needs @ModelNames with one description per name");
            }
            Method factory;
            try {
                factory = c.getMethod("of", String.class, DataTraits.class, GameParameters.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(c.getName() + " needs a static of(String, DataTraits, GameParameters)", e);
            }
            if (!Modifier.isStatic(factory.getModifiers()) || !GameSpec.class.isAssignableFrom(factory.getReturnType())) {
                throw new IllegalStateException(c.getName() + ".of must be static and return the spec");
            }
            for (int i = 0; i < names.value().length; i++) {
                Entry previous = entries.put(names.value()[i],
                        new Entry(names.value()[i], names.descriptions()[i], (Class<? extends GameSpec>) c, factory));
                if (previous != null) {
                    throw new IllegalStateException("model name '" + names.value()[i] + "' is taken twice");
                }
            }
        }
        return entries;
    }

    static List<String> names() {
        return new ArrayList<>(ENTRIES.keySet());
    }

    static Entry entry(String model) {
        Entry e = model == null ? null : ENTRIES.get(model.toLowerCase(java.util.Locale.ROOT));
        if (e == null) {
            throw new IllegalArgumentException("unknown model '" + model + "'; choose one of " + String.join(", ", ENTRIES.keySet()));
        }
        return e;
    }

    static GameSpec create(String model, DataTraits data, GameParameters given) {
        Entry e = entry(model);
        try {
            GameSpec spec = (GameSpec) e.factory().invoke(null, e.name(), data, given);
            if (!spec.model().equals(e.name())) {
                throw new IllegalStateException(e.spec().getSimpleName() + ".of(" + e.name() + ") made a " + spec.model());
            }
            return spec;
        } catch (InvocationTargetException ex) {
            if (ex.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(ex.getCause());
        } catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Jackson's view of the registry: the model name is the type id of a game spec. */
    static final class NameResolver extends TypeIdResolverBase {

        @Override
        public String idFromValue(Object value) {
            return ((GameSpec) value).model();
        }

        @Override
        public String idFromValueAndType(Object value, Class<?> suggestedType) {
            return idFromValue(value);
        }

        @Override
        public JavaType typeFromId(DatabindContext context, String id) {
            return context.constructType(entry(id).spec());
        }

        @Override
        public String getDescForKnownTypeIds() {
            return String.join(", ", ENTRIES.keySet());
        }

        @Override
        public JsonTypeInfo.Id getMechanism() {
            return JsonTypeInfo.Id.CUSTOM;
        }
    }
}
