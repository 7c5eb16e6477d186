/**
 * The library's front door: {@link org.physgen.PhysGenModels} trains, loads, imports and inspects
 * models of any family, and {@link org.physgen.Families} is the registry with one strategy per
 * family. Depends on the generation layer, the family packages, {@code train} and {@code nn}.
 */
package org.physgen;
