/**
 * The headless launcher behind {@code scripts/physgen}: {@code list}, {@code help} and
 * {@code run "<command>" "k=v,..."} over the SciJava commands of {@code fiji}. The top layer.
 */
package org.physgen.cli;
