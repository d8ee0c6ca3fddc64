/**
 * Sites' drop folders on an SFTP server: the same {@code <site>/inbox/} layout and file kinds as the local drop
 * folders, fetched over SFTP (Camel's sftp component) with the server's host key checked against a known-hosts file.
 */
package org.stimtrial.integrations.sftp;
