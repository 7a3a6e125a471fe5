// A JavaScript-side copy of the WebGL state that ImGui's OpenGL3 backend reads back every frame.
//
// Chromium answers getParameter() for the scissor box and the blend factors and equations with a
// synchronous round trip to the GPU process, which first works through every command sent before
// it. The backend saves that state before drawing and restores it after, so each frame waited for
// the GPU process to catch up: in headless Chromium with SwiftShader ~25 ms a frame, most of the
// main thread's time, during which it could neither prepare the next frame nor train. Here those
// values are kept beside the context, set by the calls that change them, and getParameter()
// answers from the copy; the first query of a context reads the real values once. A call with an
// invalid argument (which WebGL ignores) leaves the copy alone too.
'use strict';
(function () {
  if (typeof WebGL2RenderingContext === 'undefined') return;
  const proto = WebGL2RenderingContext.prototype;
  const SCISSOR_BOX = 0x0C10;
  const BLEND_SRC_RGB = 0x80C9, BLEND_DST_RGB = 0x80C8, BLEND_SRC_ALPHA = 0x80CB, BLEND_DST_ALPHA = 0x80CA;
  const BLEND_EQUATION_RGB = 0x8009, BLEND_EQUATION_ALPHA = 0x883D;
  const CACHED = [SCISSOR_BOX, BLEND_SRC_RGB, BLEND_DST_RGB, BLEND_SRC_ALPHA, BLEND_DST_ALPHA,
                  BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA];
  // ZERO, ONE, SRC_COLOR … SRC_ALPHA_SATURATE, CONSTANT_COLOR … ONE_MINUS_CONSTANT_ALPHA.
  const FACTORS = new Set([0, 1, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0305, 0x0306, 0x0307,
                           0x0308, 0x8001, 0x8002, 0x8003, 0x8004]);
  // FUNC_ADD, FUNC_SUBTRACT, FUNC_REVERSE_SUBTRACT, MIN, MAX.
  const EQUATIONS = new Set([0x8006, 0x800A, 0x800B, 0x8007, 0x8008]);

  const original = {
    getParameter: proto.getParameter,
    scissor: proto.scissor,
    blendFunc: proto.blendFunc,
    blendFuncSeparate: proto.blendFuncSeparate,
    blendEquation: proto.blendEquation,
    blendEquationSeparate: proto.blendEquationSeparate,
  };
  const copies = new WeakMap();
  function copyOf(gl) {
    let copy = copies.get(gl);
    if (copy === undefined) {
      copy = new Map(CACHED.map((p) => [p, original.getParameter.call(gl, p)]));
      copies.set(gl, copy);
    }
    return copy;
  }

  proto.getParameter = function (pname) {
    if (!CACHED.includes(pname) || this.isContextLost()) return original.getParameter.call(this, pname);
    const value = copyOf(this).get(pname);
    return pname === SCISSOR_BOX ? new Int32Array(value) : value;
  };
  // For tests: the browser's own answer, bypassing the copy.
  proto.getParameter.uncached = original.getParameter;

  proto.scissor = function (x, y, width, height) {
    original.scissor.call(this, x, y, width, height);
    if ((width | 0) >= 0 && (height | 0) >= 0)
      copyOf(this).set(SCISSOR_BOX, new Int32Array([x | 0, y | 0, width | 0, height | 0]));
  };
  function setFactors(gl, srcRgb, dstRgb, srcAlpha, dstAlpha) {
    if (![srcRgb, dstRgb, srcAlpha, dstAlpha].every((f) => FACTORS.has(f))) return;
    const copy = copyOf(gl);
    copy.set(BLEND_SRC_RGB, srcRgb).set(BLEND_DST_RGB, dstRgb);
    copy.set(BLEND_SRC_ALPHA, srcAlpha).set(BLEND_DST_ALPHA, dstAlpha);
  }
  proto.blendFunc = function (src, dst) {
    original.blendFunc.call(this, src, dst);
    setFactors(this, src, dst, src, dst);
  };
  proto.blendFuncSeparate = function (srcRgb, dstRgb, srcAlpha, dstAlpha) {
    original.blendFuncSeparate.call(this, srcRgb, dstRgb, srcAlpha, dstAlpha);
    setFactors(this, srcRgb, dstRgb, srcAlpha, dstAlpha);
  };
  function setEquations(gl, rgb, alpha) {
    if (EQUATIONS.has(rgb) && EQUATIONS.has(alpha))
      copyOf(gl).set(BLEND_EQUATION_RGB, rgb).set(BLEND_EQUATION_ALPHA, alpha);
  }
  proto.blendEquation = function (mode) {
    original.blendEquation.call(this, mode);
    setEquations(this, mode, mode);
  };
  proto.blendEquationSeparate = function (rgb, alpha) {
    original.blendEquationSeparate.call(this, rgb, alpha);
    setEquations(this, rgb, alpha);
  };
})();
