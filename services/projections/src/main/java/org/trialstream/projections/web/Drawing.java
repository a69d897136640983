package org.trialstream.projections.web;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.springframework.http.MediaType;

/**
 * A figure drawn once on a {@link Graphics2D}: the same drawing code gives the SVG (JFreeSVG, text kept as text) and
 * the PNG (ImageIO), so the two exports cannot drift apart.
 */
public interface Drawing {

    MediaType SVG = MediaType.valueOf("image/svg+xml");

    int width();

    int height();

    void draw(Graphics2D graphics);

    default String svg() {
        SVGGraphics2D graphics = new SVGGraphics2D(width(), height());
        draw(graphics);
        return graphics.getSVGDocument();
    }

    default byte[] png() {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            draw(graphics);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
