package org.ushs.protocol;

/** The JSON type of a {@code data} field, as JSON Schema names it. */
public enum FieldKind {
  STRING("string"),
  NUMBER("number"),
  INTEGER("integer"),
  OBJECT("object");

  /** The JSON Schema {@code type} keyword's value. */
  public final String jsonType;

  FieldKind(String jsonType) {
    this.jsonType = jsonType;
  }
}
