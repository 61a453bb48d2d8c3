import { ORDER_LIMITS } from '../../../domain/order-rules';

type Props = {
  quantity: number;
  onChange: (quantity: number) => void;
  decreaseLabel: string;
  increaseLabel: string;
  /** Names what is counted, for screen readers: "수량", "김치찌개". */
  label: string;
  format: (quantity: number) => string;
};

/** Minus, the count, plus: large, single taps, never a drag or a text field. */
export function QuantityStepper({ quantity, onChange, decreaseLabel, increaseLabel, label, format }: Props) {
  return (
    <div className="quantity-stepper" role="group" aria-label={label}>
      <button
        type="button"
        className="stepper-button"
        aria-label={decreaseLabel}
        disabled={quantity <= ORDER_LIMITS.minQuantity}
        onClick={() => onChange(quantity - 1)}
      >
        −
      </button>
      <output className="stepper-value" aria-live="polite">
        {format(quantity)}
      </output>
      <button
        type="button"
        className="stepper-button"
        aria-label={increaseLabel}
        disabled={quantity >= ORDER_LIMITS.maxQuantity}
        onClick={() => onChange(quantity + 1)}
      >
        +
      </button>
    </div>
  );
}
