import { act, renderHook, waitFor } from '@testing-library/react';
import { usePolledAsync } from './usePolledAsync';

describe('usePolledAsync', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('loads, keeps the value while reloading and after a failed reload', async () => {
    let resolveSecond: (value: string) => void = () => {};
    const load = jest
      .fn<Promise<string>, []>()
      .mockResolvedValueOnce('first')
      .mockImplementationOnce(
        () =>
          new Promise(resolve => {
            resolveSecond = resolve;
          }),
      )
      .mockRejectedValueOnce(new Error('backend down'));

    const { result } = renderHook(() => usePolledAsync(load));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.value).toBe('first'));
    expect(result.current.loading).toBe(false);

    act(() => result.current.refresh());
    expect(result.current.loading).toBe(true);
    expect(result.current.value).toBe('first');
    await act(async () => resolveSecond('second'));
    expect(result.current.value).toBe('second');

    act(() => result.current.refresh());
    await waitFor(() =>
      expect(result.current.error?.message).toBe('backend down'),
    );
    expect(result.current.value).toBe('second');
    expect(result.current.loading).toBe(false);
  });

  it('reloads on the interval only while enabled', async () => {
    jest.useFakeTimers();
    const load = jest.fn().mockResolvedValue('value');
    const { rerender } = renderHook(
      ({ enabled }) => usePolledAsync(load, { intervalMs: 15000, enabled }),
      { initialProps: { enabled: true } },
    );
    expect(load).toHaveBeenCalledTimes(1);

    await act(async () => {
      jest.advanceTimersByTime(15000);
    });
    expect(load).toHaveBeenCalledTimes(2);

    rerender({ enabled: false });
    await act(async () => {
      jest.advanceTimersByTime(60000);
    });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('drops responses that arrive out of order', async () => {
    const resolvers: Array<(value: string) => void> = [];
    const load = jest.fn(
      () =>
        new Promise<string>(resolve => {
          resolvers.push(resolve);
        }),
    );
    const { result } = renderHook(() => usePolledAsync(load));
    act(() => result.current.refresh());
    await act(async () => resolvers[1]('newer'));
    await act(async () => resolvers[0]('older'));
    expect(result.current.value).toBe('newer');
  });
});
