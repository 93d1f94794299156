/**
 * A Jupyter kernel: the Jupyter messaging protocol (version 5.3) over ZeroMQ sockets, signed with
 * HMAC-SHA256. {@link coopstats.jupyter.Kernel} answers the requests of a Jupyter front end
 * (JupyterLab, VS Code, nbclient) and hands the code of each cell to an {@link
 * coopstats.jupyter.Engine}, which runs it.
 */
package coopstats.jupyter;
