package io.boxoffice.catalog;

/** How a section is sold: seat by seat, or by quantity up to a capacity. */
public enum SectionKind {
  SEATED,
  GENERAL_ADMISSION
}
