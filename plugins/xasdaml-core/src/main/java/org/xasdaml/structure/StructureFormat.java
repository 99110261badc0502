package org.xasdaml.structure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The structure file formats read, and how a file's format is recognised from its name and,
 * failing that, its first line.
 */
public enum StructureFormat {
    LAMMPS_DUMP("lammps-dump", new LammpsDumpReader()),
    XYZ("xyz", new XyzReader()),
    POSCAR("poscar", PoscarReader.poscar()),
    XDATCAR("xdatcar", PoscarReader.xdatcar());

    private final String label;
    private final StructureReader reader;

    StructureFormat(String label, StructureReader reader) {
        this.label = label;
        this.reader = reader;
    }

    public String label() {
        return label;
    }

    public StructureReader reader() {
        return reader;
    }

    /** Parses a label ("lammps-dump", "xyz", "extxyz", "poscar", "contcar", "xdatcar") or "auto" (null). */
    public static StructureFormat parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "auto", "" -> null;
            case "lammps-dump", "lammps-dump-text", "lammps", "dump" -> LAMMPS_DUMP;
            case "xyz", "extxyz" -> XYZ;
            case "poscar", "contcar", "vasp" -> POSCAR;
            case "xdatcar", "vasp-xdatcar" -> XDATCAR;
            default -> throw new IllegalArgumentException("unknown structure format '" + text
                    + "' (auto, lammps-dump, xyz, extxyz, poscar, contcar, xdatcar)");
        };
    }

    /** Guesses the format of a file from its name, then from its first line. */
    public static StructureFormat detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.contains("xdatcar")) {
            return XDATCAR;
        }
        if (name.contains("poscar") || name.contains("contcar") || name.endsWith(".vasp")) {
            return POSCAR;
        }
        if (name.endsWith(".extxyz")) {
            return XYZ;
        }
        if (name.endsWith(".dump") || name.endsWith(".lammpstrj") || name.contains("dump")) {
            return LAMMPS_DUMP;
        }
        try (LineSource src = new LineSource(file)) {
            String first = src.next();
            if (first == null) {
                throw new StructureFileException(file, -1, 0, "file is empty");
            }
            if (first.startsWith("ITEM:")) {
                return LAMMPS_DUMP;
            }
            if (first.strip().matches("\\d+")) {
                return XYZ;
            }
        } catch (UncheckedIOException e) {
            throw e;
        }
        if (name.endsWith(".xyz")) {
            return XYZ;
        }
        throw new StructureFileException(file, -1, 1,
                "cannot tell the format from the name or first line; give it (lammps-dump, xyz, poscar, xdatcar)");
    }

    /** Reads a file in a given format, or in the detected one when format is null. */
    public static ReadResult read(Path file, StructureFormat format, ReadOptions options) {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new UncheckedIOException(new IOException(file + " is a folder; give the structure file inside it (a LAMMPS dump, "
                    + "XYZ, POSCAR or XDATCAR)"));
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("no such structure file: " + file));
        }
        StructureFormat f = format != null ? format : detect(file);
        return f.reader.read(file, options);
    }
}
