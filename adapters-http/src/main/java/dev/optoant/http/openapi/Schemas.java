package dev.optoant.http.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import java.util.Map;

/** Short constructors for the OpenAPI schema objects the gateway's documentation is built from. */
final class Schemas {
    private Schemas() {
    }

    static ObjectSchema object(String description) {
        return described(new ObjectSchema(), description);
    }

    /** An object whose {@code type} property is the constant {@code type}, as in every member of a union. */
    static ObjectSchema typed(String type, String description) {
        ObjectSchema schema = object(description);
        schema.addProperty("type", constant(type));
        schema.addRequiredItem("type");
        return schema;
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref(name);
    }

    static StringSchema string(String description) {
        return described(new StringSchema(), description);
    }

    static StringSchema constant(String value) {
        StringSchema schema = new StringSchema();
        schema.addEnumItem(value);
        return schema;
    }

    static StringSchema oneOfStrings(String description, String... values) {
        StringSchema schema = string(description);
        for (String value : values) {
            schema.addEnumItem(value);
        }
        return schema;
    }

    static IntegerSchema integer(String description) {
        return described(new IntegerSchema(), description);
    }

    static IntegerSchema int64(String description) {
        IntegerSchema schema = integer(description);
        schema.setFormat("int64");
        return schema;
    }

    static NumberSchema number(String description) {
        return described(new NumberSchema(), description);
    }

    static BooleanSchema bool(String description) {
        return described(new BooleanSchema(), description);
    }

    static ArraySchema array(Schema<?> items, String description) {
        ArraySchema schema = described(new ArraySchema(), description);
        schema.setItems(items);
        return schema;
    }

    /** Any JSON value. */
    static Schema<Object> anyJson(String description) {
        return described(new Schema<>(), description);
    }

    private static <T extends Schema<?>> T described(T schema, String description) {
        schema.setDescription(description);
        return schema;
    }

    static <T extends Schema<?>> T nullable(T schema) {
        schema.setNullable(true);
        return schema;
    }

    /** A union told apart by its {@code type} property: each wire type maps to the named component schema. */
    static ComposedSchema union(String description, Map<String, String> schemaByType) {
        ComposedSchema schema = described(new ComposedSchema(), description);
        Discriminator discriminator = new Discriminator().propertyName("type");
        schemaByType.forEach((type, name) -> {
            schema.addOneOfItem(ref(name));
            discriminator.mapping(type, "#/components/schemas/" + name);
        });
        schema.setDiscriminator(discriminator);
        return schema;
    }

    /** A value given either as a plain string or as the schema {@code alternative}. */
    static ComposedSchema stringOr(Schema<?> alternative, String description) {
        ComposedSchema schema = described(new ComposedSchema(), description);
        schema.setOneOf(List.of(new StringSchema(), alternative));
        return schema;
    }

    static ObjectSchema required(ObjectSchema schema, String... names) {
        for (String name : names) {
            schema.addRequiredItem(name);
        }
        return schema;
    }

    static void add(Components components, String name, Schema<?> schema) {
        components.addSchemas(name, schema);
    }
}
