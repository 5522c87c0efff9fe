package dev.sluice.launch;
public final class Launcher { public static void main(String[] a) {} }
