// Apache ECharts, from its webjar, loaded when a screen first draws a chart.
let loading = null;

export function echartsLib() {
  if (window.echarts) {
    return Promise.resolve(window.echarts);
  }
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/webjars/echarts/5.3.1/dist/echarts.min.js';
      script.onload = () => resolve(window.echarts);
      script.onerror = () => reject(new Error('图表库加载失败'));
      document.head.append(script);
    });
  }
  return loading;
}

/** Draws a chart into {@code element}; returns a function that disposes of it. */
export async function chart(element, option) {
  const echarts = await echartsLib();
  const instance = echarts.init(element, null, { renderer: 'canvas' });
  instance.setOption({ aria: { enabled: true }, animation: false, ...option });
  const resize = () => instance.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    instance.dispose();
  };
}
