/** OBD-II. */
package dev.obdio.obd;
