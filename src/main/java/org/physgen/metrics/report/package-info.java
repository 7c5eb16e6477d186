/** Tables, PNG line plots, CSV, JSON and HTML reports of microstructure statistics and comparisons. */
package org.physgen.metrics.report;
