package org.trialstream.kernel.patient;

/**
 * Residual tumour classification of the resection margin. It decides the radiotherapy boost (protocol: none for R0,
 * 10-16 Gy for R1, 16-18 Gy for R2).
 */
public enum ResectionMargin {
    /** Negative margin: no residual tumour. */
    R0,
    /** Microscopically positive margin. */
    R1,
    /** Grossly positive margin. */
    R2
}
