/**
 * A column chunk's min/max, gathered while its values are encoded. Text is ordered by its UTF-8
 * bytes: `<` on the strings gives the same order until a value holds a surrogate or a character
 * from U+E000 up, after which every comparison goes by code point.
 */
import { compareCodePoints, needsCodePointOrder } from './text.js';

export class MinMax {
  min: string | number | boolean | undefined = undefined;
  max: string | number | boolean | undefined = undefined;
  private byCodePoint = false;

  /** A text value just written; `ascii` as `writeText` returned it. */
  addText(value: string, ascii: boolean): void {
    if (!ascii && !this.byCodePoint && needsCodePointOrder(value)) this.byCodePoint = true;
    const min = this.min as string | undefined;
    const max = this.max as string | undefined;
    if (min === undefined || max === undefined) {
      this.min = this.max = value;
    } else if (this.byCodePoint) {
      if (compareCodePoints(value, min) < 0) this.min = value;
      else if (compareCodePoints(value, max) > 0) this.max = value;
    } else if (value < min) this.min = value;
    else if (value > max) this.max = value;
  }

  /** An integer or a boolean (false before true). */
  add(value: number | boolean): void {
    if (this.min === undefined || value < this.min) this.min = value;
    if (this.max === undefined || value > this.max) this.max = value;
  }
}
