package org.xasdaml.workflow;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a step, read from its options record: each component annotated with
 * {@link Param} is one parameter, and the step's default record gives the defaults.
 *
 * <p>A component without {@code @Param} whose type is itself a record is a <em>parameter group</em>:
 * each of that record's {@code @Param} components is a parameter of the step under its own name
 * (names stay flat: the command line says {@code --below}, not {@code --grid.below}). A group is how
 * two steps share one declaration of the same parameters (the energy grid of the features and
 * reconcile steps is {@code EnergyGridOptions}), instead of declaring them twice.
 *
 * <p>Values travel as text (command line, KNIME settings, provenance), so this class converts
 * both ways and validates ranges and choices before the record's own constructor checks
 * relations between parameters (e.g. kmax > kmin). Whatever goes wrong comes out as an
 * {@link InvalidParameterException} naming the parameter.
 *
 * @param <P> the options record type
 */
public final class ParameterSet<P extends Record> {
    private final Class<P> type;
    private final P defaults;
    private final RecordComponent[] components;
    /** Per parameter the components leading to it: one (a plain parameter) or two (group, member). */
    private final List<RecordComponent[]> leaves;
    private final List<ParameterSpec> specs;
    private final Constructor<P> constructor;

    private ParameterSet(Class<P> type, P defaults) {
        this.type = type;
        this.defaults = defaults;
        this.components = type.getRecordComponents();
        this.constructor = canonical(type);
        List<RecordComponent[]> l = new ArrayList<>();
        for (RecordComponent c : components) {
            if (c.getAnnotation(Param.class) == null && c.getType().isRecord()) {
                canonical(c.getType());
                if (c.getType().getRecordComponents().length == 0) {
                    throw new IllegalStateException(type.getName() + "." + c.getName() + ": an empty parameter group");
                }
                for (RecordComponent m : c.getType().getRecordComponents()) {
                    if (m.getAnnotation(Param.class) == null) {
                        throw new IllegalStateException(c.getType().getName() + "." + m.getName()
                                + " lacks a @Param declaration (parameter group " + c.getName() + " of " + type.getName() + ")");
                    }
                    l.add(new RecordComponent[] {c, m});
                }
            } else {
                l.add(new RecordComponent[] {c});
            }
        }
        this.leaves = List.copyOf(l);
        List<ParameterSpec> s = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (RecordComponent[] leaf : leaves) {
            RecordComponent c = leaf[leaf.length - 1];
            Param p = c.getAnnotation(Param.class);
            if (p == null) {
                throw new IllegalStateException(type.getName() + "." + c.getName() + " lacks a @Param declaration");
            }
            if (!names.add(c.getName())) {
                throw new IllegalStateException(type.getName() + ": parameter " + c.getName() + " is declared twice (a group member "
                        + "and another parameter share the name)");
            }
            ParameterSpec.Kind kind = kindOf(c, p);
            s.add(new ParameterSpec(c.getName(), kind, format(get(leaf, defaults)), p.unit(), p.min(), p.max(),
                    choicesOf(c, p), p.description(), p.advanced(), p.label().strip(), p.group().strip(),
                    ParameterSpec.Condition.parseAll(p.appliesWhen()), p.columnsOf().strip(), p.columnPrefix(),
                    pathOf(c, p, kind), formerNames(type, leaf, kind)));
        }
        this.specs = List.copyOf(s);
        checkConditions(type, specs);
        checkFormerNames(type, components, specs);
    }

    /**
     * The former names of one parameter: declared on the parameter itself (a plain parameter, or a
     * member of a group for every step using it) or on the group component with {@code member}
     * naming it (for the one step that had the name).
     */
    private static List<ParameterSpec.Former> formerNames(Class<?> type, RecordComponent[] leaf, ParameterSpec.Kind kind) {
        RecordComponent c = leaf[leaf.length - 1];
        List<ParameterSpec.Former> out = new ArrayList<>();
        for (FormerName f : c.getAnnotationsByType(FormerName.class)) {
            if (!f.member().isEmpty()) {
                throw new IllegalStateException(type.getName() + "." + c.getName() + ": @FormerName(member = \"" + f.member()
                        + "\") belongs on a parameter group, not on a parameter");
            }
            out.add(former(type, c, f, kind));
        }
        if (leaf.length == 2) {
            for (FormerName f : leaf[0].getAnnotationsByType(FormerName.class)) {
                if (f.member().equals(c.getName())) {
                    out.add(former(type, c, f, kind));
                }
            }
        }
        return out;
    }

    private static ParameterSpec.Former former(Class<?> type, RecordComponent c, FormerName f, ParameterSpec.Kind kind) {
        if (f.factor() != 1 && kind != ParameterSpec.Kind.DOUBLE) {
            throw new IllegalStateException(type.getName() + "." + c.getName() + ": @FormerName(\"" + f.value()
                    + "\") has a factor, which only a decimal parameter can take");
        }
        if (!(f.factor() != 0 && Double.isFinite(f.factor()))) {
            throw new IllegalStateException(type.getName() + "." + c.getName() + ": @FormerName(\"" + f.value()
                    + "\") needs a finite factor other than 0");
        }
        return new ParameterSpec.Former(f.value().strip(), f.factor(), f.since().strip());
    }

    /**
     * A former name must be told apart from every parameter's name and every other former name
     * (else an old file would be read two ways), and a group's {@code member} must name a member.
     */
    private static void checkFormerNames(Class<?> type, RecordComponent[] components, List<ParameterSpec> specs) {
        java.util.Set<String> names = new java.util.HashSet<>();
        specs.forEach(s -> names.add(s.name()));
        for (ParameterSpec s : specs) {
            for (ParameterSpec.Former f : s.formerNames()) {
                if (f.name().isEmpty() || !names.add(f.name())) {
                    throw new IllegalStateException(type.getName() + "." + s.name() + ": former name '" + f.name()
                            + "' is empty or already the name or former name of a parameter");
                }
            }
        }
        for (RecordComponent c : components) {
            for (FormerName f : c.getAnnotationsByType(FormerName.class)) {
                if (c.getAnnotation(Param.class) == null && Arrays.stream(c.getType().getRecordComponents())
                        .noneMatch(m -> m.getName().equals(f.member()))) {
                    throw new IllegalStateException(type.getName() + "." + c.getName() + ": @FormerName(\"" + f.value()
                            + "\") on a parameter group needs member = one of its parameters, got '" + f.member() + "'");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> Constructor<R> canonical(Class<R> type) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    private static ParameterSpec.PathKind pathOf(RecordComponent c, Param p, ParameterSpec.Kind kind) {
        if (p.folder()) {
            if (kind != ParameterSpec.Kind.FILE) {
                throw new IllegalStateException(c.getName() + ": folder = true needs a String parameter");
            }
            return ParameterSpec.PathKind.FOLDER;
        }
        if (kind == ParameterSpec.Kind.FILE) {
            return ParameterSpec.PathKind.FILE;
        }
        return p.file() && kind == ParameterSpec.Kind.TEXT_LIST ? ParameterSpec.PathKind.FILES : ParameterSpec.PathKind.NONE;
    }

    /**
     * A condition must name another parameter and, when that one has a fixed set of values (choices,
     * true/false), only values of it: a typo would otherwise hide a parameter for good.
     */
    private static void checkConditions(Class<?> type, List<ParameterSpec> specs) {
        for (ParameterSpec s : specs) {
            for (ParameterSpec.Condition c : s.appliesWhen()) {
                ParameterSpec other = specs.stream().filter(o -> o.name().equals(c.name()) && o != s).findFirst()
                        .orElseThrow(() -> new IllegalStateException(type.getName() + "." + s.name() + ": appliesWhen names '"
                                + c.name() + "', which is no other parameter of the step"));
                List<String> allowed = other.kind() == ParameterSpec.Kind.BOOLEAN ? List.of("true", "false") : other.choices();
                for (String v : c.values()) {
                    if (!allowed.isEmpty() && !allowed.contains(v)) {
                        throw new IllegalStateException(type.getName() + "." + s.name() + ": appliesWhen " + c + ": '" + v
                                + "' is not a value of " + other.name() + " (" + String.join(", ", allowed) + ")");
                    }
                }
            }
        }
    }

    /** The parameter set of an options record type, with the given defaults. */
    @SuppressWarnings("unchecked")
    public static <P extends Record> ParameterSet<P> of(P defaults) {
        return new ParameterSet<>((Class<P>) defaults.getClass(), defaults);
    }

    public Class<P> type() {
        return type;
    }

    public P defaults() {
        return defaults;
    }

    public List<ParameterSpec> specs() {
        return specs;
    }

    public ParameterSpec spec(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidParameterException(name, "unknown parameter '" + name + "'; known: "
                        + String.join(", ", specs.stream().map(ParameterSpec::name).toList())));
    }

    /** Every parameter's value as text, in declaration order. */
    public Map<String, String> toText(P options) {
        Map<String, String> m = new LinkedHashMap<>();
        for (RecordComponent[] leaf : leaves) {
            m.put(leaf[leaf.length - 1].getName(), format(get(leaf, options)));
        }
        return m;
    }

    /**
     * The paths named by parameters declared with {@code @Param(file = true)} (a file, a folder or a
     * list of them), by parameter name; empty values are left out. Provenance hashes these files,
     * so a changed structure file is noticed as a changed port input is.
     */
    public Map<String, List<String>> files(P options) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (RecordComponent[] leaf : leaves) {
            RecordComponent c = leaf[leaf.length - 1];
            if (!c.getAnnotation(Param.class).file()) {
                continue;
            }
            Object v = get(leaf, options);
            List<String> paths = (v instanceof List<?> l ? l.stream().map(String::valueOf) : java.util.stream.Stream.of(String.valueOf(v)))
                    .filter(x -> !x.isBlank() && !x.equals("null")).toList();
            if (!paths.isEmpty()) {
                m.put(c.getName(), paths);
            }
        }
        return m;
    }

    /**
     * Options from text values; parameters not given keep their defaults.
     *
     * @throws InvalidParameterException for an unknown name, a value of the wrong type, out of
     *         range or not among the choices, or one the record itself rejects
     */
    public P fromText(Map<String, String> values) {
        return fromText(defaults, values);
    }

    /**
     * Values saved under a parameter's former name ({@link FormerName}) moved to its current name,
     * converted by the declared factor; every other entry is kept as it is. Each former name found
     * is reported to {@code warn} with the name to use instead, so that whoever reads a user's file
     * (command-line workflow, KNIME node settings) can tell the user.
     *
     * @throws InvalidParameterException when a value is given under both names, or a value under a
     *         former name with a factor is no number
     */
    public Map<String, String> withCurrentNames(Map<String, String> values, java.util.function.Consumer<String> warn) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            ParameterSpec s = null;
            ParameterSpec.Former former = null;
            for (ParameterSpec x : specs) {
                for (ParameterSpec.Former f : x.formerNames()) {
                    if (f.name().equals(e.getKey())) {
                        s = x;
                        former = f;
                    }
                }
            }
            if (former == null) {
                out.putIfAbsent(e.getKey(), e.getValue());
                continue;
            }
            if (values.containsKey(s.name())) {
                throw InvalidParameterException.of(s.name(), "both '%s' and its former name '%s' are given; keep only %s", s.name(),
                        former.name(), s.name());
            }
            String value = e.getValue();
            if (former.factor() != 1) {
                try {
                    value = format(Double.parseDouble(value.strip()) * former.factor());
                } catch (NumberFormatException x) {
                    throw InvalidParameterException.of(s.name(), "%s (the former name of %s) needs a number, got '%s'", former.name(),
                            s.name(), e.getValue());
                }
            }
            out.put(s.name(), value);
            warn.accept("'" + former.name() + "' is the former name of '" + s.name() + "'"
                    + (former.since().isEmpty() ? "" : " (renamed " + former.since() + ")") + ": read as " + s.name() + " = "
                    + value + (former.factor() != 1 ? " (" + s.name() + " = " + format(former.factor()) + " × " + former.name() + ")" : "")
                    + ". The old name is deprecated; use " + s.name() + ".");
        }
        return out;
    }

    /**
     * Like {@link #fromText(Map)} but starting from given options instead of the defaults. Values
     * under a former name are read as {@link #withCurrentNames} says, silently: readers of users'
     * files call that first to warn.
     */
    public P fromText(P base, Map<String, String> given) {
        Map<String, String> values = withCurrentNames(given, w -> { });
        for (String k : values.keySet()) {
            spec(k);
        }
        Object[] args = new Object[leaves.size()];
        for (int i = 0; i < args.length; i++) {
            RecordComponent[] leaf = leaves.get(i);
            RecordComponent c = leaf[leaf.length - 1];
            String text = values.get(c.getName());
            args[i] = text == null ? get(leaf, base) : parse(c, specs.get(i), text);
        }
        return construct(args);
    }

    /** Checks a complete options record against ranges and choices (records made in code skip parsing). */
    public P validate(P options) {
        Object[] args = new Object[leaves.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = get(leaves.get(i), options);
            checkRange(specs.get(i), args[i]);
        }
        return construct(args);
    }

    /** The options record from one value per parameter (groups built first from their members' values). */
    private P construct(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            checkRange(specs.get(i), values[i]);
        }
        Object[] args = new Object[components.length];
        int at = 0;
        for (int i = 0; i < components.length; i++) {
            if (leaves.get(at).length == 1) {
                args[i] = values[at++];
            } else {
                Class<?> group = components[i].getType();
                Object[] members = Arrays.copyOfRange(values, at, at + group.getRecordComponents().length);
                at += members.length;
                args[i] = newInstance(canonical(group), members);
            }
        }
        return newInstance(constructor, args);
    }

    private <R> R newInstance(Constructor<R> constructor, Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidParameterException ipe) {
                throw ipe;
            }
            if (cause instanceof IllegalArgumentException iae) {
                throw new InvalidParameterException(null, iae.getMessage());
            }
            throw new IllegalStateException("cannot build " + constructor.getDeclaringClass().getSimpleName() + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkRange(ParameterSpec s, Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                throw InvalidParameterException.of(s.name(), "%s must be a number, not NaN", s.name());
            }
            if (d < s.min() || d > s.max()) {
                throw InvalidParameterException.of(s.name(), "%s = %s is outside the allowed range %s to %s%s", s.name(),
                        format(v), s.hasMin() ? format(s.min()) : "-∞", s.hasMax() ? format(s.max()) : "∞",
                        s.unit().isEmpty() ? "" : " " + s.unit());
            }
        }
        if (!s.choices().isEmpty() && s.kind() != ParameterSpec.Kind.CHOICE) {
            List<String> items = v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v));
            for (String item : items) {
                if (!s.choices().contains(item)) {
                    throw InvalidParameterException.of(s.name(), "%s: '%s' is not one of %s", s.name(), item,
                            String.join(", ", s.choices()));
                }
            }
        }
    }

    private static Object get(RecordComponent[] leaf, Object record) {
        Object v = record;
        for (RecordComponent c : leaf) {
            v = get(c, v);
        }
        return v;
    }

    private static Object get(RecordComponent c, Object record) {
        try {
            var acc = c.getAccessor();
            acc.setAccessible(true);
            return acc.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ParameterSpec.Kind kindOf(RecordComponent c, Param p) {
        Class<?> t = c.getType();
        if (t == int.class || t == Integer.class) {
            return ParameterSpec.Kind.INT;
        }
        if (t == long.class || t == Long.class) {
            return ParameterSpec.Kind.LONG;
        }
        if (t == double.class || t == Double.class) {
            return ParameterSpec.Kind.DOUBLE;
        }
        if (t == boolean.class || t == Boolean.class) {
            return ParameterSpec.Kind.BOOLEAN;
        }
        if (t.isEnum()) {
            return ParameterSpec.Kind.CHOICE;
        }
        if (t == String.class) {
            return p.file() || p.folder() ? ParameterSpec.Kind.FILE : p.choices().length > 0 ? ParameterSpec.Kind.CHOICE : ParameterSpec.Kind.TEXT;
        }
        if (t == List.class) {
            Type g = c.getGenericType();
            if (g instanceof ParameterizedType pt) {
                Type a = pt.getActualTypeArguments()[0];
                if (a == String.class) {
                    return ParameterSpec.Kind.TEXT_LIST;
                }
                if (a == Double.class) {
                    return ParameterSpec.Kind.DOUBLE_LIST;
                }
            }
        }
        throw new IllegalStateException("parameter " + c.getName() + " has an unsupported type " + c.getGenericType());
    }

    private static List<String> choicesOf(RecordComponent c, Param p) {
        if (c.getType().isEnum()) {
            return Arrays.stream(c.getType().getEnumConstants()).map(ParameterSet::enumText).toList();
        }
        return List.of(p.choices());
    }

    /** Enum constants appear in lower case with dashes: FULL_SCF becomes "full-scf". */
    static String enumText(Object e) {
        return ((Enum<?>) e).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Enum<?> e) {
            return enumText(e);
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        if (v instanceof List<?> l) {
            return String.join(",", l.stream().map(ParameterSet::format).toList());
        }
        return String.valueOf(v);
    }

    private static Object parse(RecordComponent c, ParameterSpec s, String text) {
        String t = text.strip();
        try {
            return switch (s.kind()) {
                case INT -> Integer.parseInt(t);
                case LONG -> Long.parseLong(t);
                case DOUBLE -> Double.parseDouble(t);
                case BOOLEAN -> parseBoolean(s, t);
                case CHOICE -> c.getType().isEnum() ? parseEnum(c.getType(), s, t) : t;
                case TEXT, FILE -> text;
                case TEXT_LIST -> t.isEmpty() ? List.of() : Arrays.stream(t.split(",")).map(String::strip).toList();
                case DOUBLE_LIST -> t.isEmpty() ? List.of()
                        : Arrays.stream(t.split(",")).map(String::strip).map(Double::valueOf).toList();
            };
        } catch (NumberFormatException e) {
            throw InvalidParameterException.of(s.name(), "%s needs %s, got '%s'", s.name(),
                    switch (s.kind()) {
                        case INT, LONG -> "a whole number";
                        case DOUBLE_LIST -> "numbers separated by commas";
                        default -> "a number";
                    }, text);
        }
    }

    private static Boolean parseBoolean(ParameterSpec s, String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw InvalidParameterException.of(s.name(), "%s needs true or false, got '%s'", s.name(), t);
        };
    }

    private static Object parseEnum(Class<?> type, ParameterSpec s, String t) {
        for (Object e : type.getEnumConstants()) {
            if (enumText(e).equalsIgnoreCase(t) || ((Enum<?>) e).name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw InvalidParameterException.of(s.name(), "%s: '%s' is not one of %s", s.name(), t, String.join(", ", s.choices()));
    }
}
