/**
 * ISO 14229-1 (UDS) client over ISO-TP ({@link dev.obdio.isotp.IsoTpChannel}).
 *
 * <p>Start at {@link dev.obdio.uds.UdsClient}. Each service is a class holding its typed request
 * and response records and their pure encode/parse functions ({@link dev.obdio.uds.ReadDataByIdentifier},
 * {@link dev.obdio.uds.RoutineControl}, …); {@link dev.obdio.uds.RawRequest} and
 * {@link dev.obdio.uds.UdsClient#exchange} cover anything else. The tables of the standard live
 * in one place each: services in {@link dev.obdio.uds.UdsService}, negative response codes in
 * {@link dev.obdio.uds.Nrc}, identification DIDs in {@link dev.obdio.uds.DidCodecs#STANDARD}.
 * Configuration is the immutable {@link dev.obdio.uds.UdsClientConfig}; security keys come from a
 * {@link dev.obdio.uds.SecurityKeyAlgorithm}, named in {@link dev.obdio.uds.SecurityKeyAlgorithms}.
 *
 * <p>Failures are {@link dev.obdio.uds.UdsException}s: a refusal, silence, a response to something
 * else, a response that cannot be parsed, a transport fault; each has its own type.
 *
 * <p>Threading: see {@link dev.obdio.uds.UdsClient}. One request at a time per client, in the order
 * they were made (a fair lock), the keep-alive included; everything else in this package is
 * immutable values and pure functions.
 *
 * <p>{@link dev.obdio.uds.script} runs UDS scripts and the command words the CLI shares with them.
 */
package dev.obdio.uds;
