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
        ObjectSchema schema = new ObjectSchema();
        schema.setDescription(description);
        return schema;
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
        StringSchema schema = new StringSchema();
        schema.setDescription(description);
        return schema;
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
        IntegerSchema schema = new IntegerSchema();
        schema.setDescription(description);
        return schema;
    }

    static IntegerSchema int64(String description) {
        IntegerSchema schema = integer(description);
        schema.setFormat("int64");
        return schema;
    }

    static NumberSchema number(String description) {
        NumberSchema schema = new NumberSchema();
        schema.setDescription(description);
        return schema;
    }

    static BooleanSchema bool(String description) {
        BooleanSchema schema = new BooleanSchema();
        schema.setDescription(description);
        return schema;
    }

    static ArraySchema array(Schema<?> items, String description) {
        ArraySchema schema = new ArraySchema();
        schema.setItems(items);
        schema.setDescription(description);
        return schema;
    }

    /** Any JSON value. */
    static Schema<Object> anyJson(String description) {
        Schema<Object> schema = new Schema<>();
        schema.setDescription(description);
        return schema;
    }

    static <T extends Schema<?>> T nullable(T schema) {
        schema.setNullable(true);
        return schema;
    }

    /** A union told apart by its {@code type} property: each wire type maps to the named component schema. */
    static ComposedSchema union(String description, Map<String, String> schemaByType) {
        ComposedSchema schema = new ComposedSchema();
        schema.setDescription(description);
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
        ComposedSchema schema = new ComposedSchema();
        schema.setDescription(description);
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
