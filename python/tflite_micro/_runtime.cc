// pybind11 module `_runtime`: exposes InterpreterWrapper to runtime.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/tflite_micro/interpreter_wrapper.h"

namespace py = pybind11;

namespace {

// An index argument: a Python or numpy integer, not a bool (what
// runtime._index accepts), else ValueError; one beyond int64 is out of range
// (the wrapper range-checks the rest).
int64_t ToIndex(const py::handle& value) {
  py::object number;
  if (PyLong_CheckExact(value.ptr())) {
    number = py::reinterpret_borrow<py::object>(value);
  } else if (PyBool_Check(value.ptr()) || !PyIndex_Check(value.ptr())) {
    throw py::value_error("index must be an int, got " +
                          std::string(py::repr(value)));
  } else {
    number = py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr()));
    if (!number) {
      PyErr_Clear();
      throw py::value_error("index must be an int, got " +
                            std::string(py::repr(value)));
    }
  }
  int overflow = 0;
  const long long index = PyLong_AsLongLongAndOverflow(number.ptr(), &overflow);
  if (overflow != 0) {
    throw tflite::IndexOutOfRange("index " + std::string(py::str(number)) +
                                  " is out of range");
  }
  if (index == -1 && PyErr_Occurred()) throw py::error_already_set();
  return static_cast<int64_t>(index);
}

// A new exception class of module `m` deriving from both `bases`: the
// class TFLM's wheel raises for a mistake and the one this package raised
// before, so that handlers written for either catch it.
py::object AddDualException(py::module_& m, const char* name,
                            PyObject* first_base, PyObject* second_base,
                            const char* doc) {
  const std::string qualified = std::string(PyModule_GetName(m.ptr())) + "." +
                                name;
  py::tuple bases = py::make_tuple(py::handle(first_base),
                                   py::handle(second_base));
  py::object type = py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(
      qualified.c_str(), doc, bases.ptr(), nullptr));
  if (!type) throw py::error_already_set();
  m.attr(name) = type;
  return type;
}

}  // namespace

PYBIND11_MODULE(_runtime, m) {
  m.doc() = "C++ core of tflite_micro.runtime";
  // Leaked on purpose: the translator below may run until the interpreter
  // exits, after the module's dict is cleared.
  static PyObject* index_error =
      AddDualException(m, "IndexOutOfRangeError", PyExc_IndexError,
                       PyExc_ValueError,
                       "An input, output, tensor or subgraph index out of "
                       "range (an IndexError and a ValueError).")
          .release()
          .ptr();
  static PyObject* registerer_error =
      AddDualException(m, "RegistererNotFoundError", PyExc_RuntimeError,
                       PyExc_ValueError,
                       "No loaded library exports the named custom-op "
                       "registerer (a RuntimeError and a ValueError).")
          .release()
          .ptr();
  py::register_exception_translator([](std::exception_ptr error) {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const tflite::IndexOutOfRange& e) {
      PyErr_SetString(index_error, e.what());
    } catch (const tflite::RegistererNotFound& e) {
      PyErr_SetString(registerer_error, e.what());
    }
  });
  py::class_<tflite::InterpreterWrapper>(m, "InterpreterWrapper")
      .def(py::init<const py::bytes&, const std::vector<std::string>&, size_t,
                    bool, bool, bool, size_t>(),
           py::arg("model"), py::arg("registerers"), py::arg("arena_size"),
           py::arg("preserve_all_tensors"), py::arg("litert_arithmetic"),
           py::arg("preserve_inputs"), py::arg("max_arena_size"))
      .def("cancel", &tflite::InterpreterWrapper::Cancel)
      .def("set_input", &tflite::InterpreterWrapper::SetInput)
      .def("get_output", &tflite::InterpreterWrapper::GetOutput)
      // The same with runtime._index's argument checks, for runtime.py to
      // call without a Python frame in between (call overhead).
      .def("checked_set_input",
           [](tflite::InterpreterWrapper& self, const py::object& value,
              const py::object& index) {
             self.SetInput(value, ToIndex(index));
           })
      .def("checked_get_output",
           [](tflite::InterpreterWrapper& self, const py::object& index) {
             return self.GetOutput(ToIndex(index));
           })
      .def("get_tensor", &tflite::InterpreterWrapper::GetTensor)
      .def("get_tensor_details", &tflite::InterpreterWrapper::GetTensorDetails)
      .def("invoke", &tflite::InterpreterWrapper::Invoke)
      .def("reset", &tflite::InterpreterWrapper::Reset)
      .def("resize_input", &tflite::InterpreterWrapper::ResizeInput)
      .def("get_input_details", &tflite::InterpreterWrapper::GetInputDetails)
      .def("get_output_details", &tflite::InterpreterWrapper::GetOutputDetails)
      .def("format_allocations",
           &tflite::InterpreterWrapper::FormatAllocations)
      .def("num_inputs", &tflite::InterpreterWrapper::NumInputs)
      .def("num_outputs", &tflite::InterpreterWrapper::NumOutputs)
      .def("arena_size", &tflite::InterpreterWrapper::arena_size)
      .def("model_in_place", &tflite::InterpreterWrapper::model_in_place)
      .def("arena_used_bytes", &tflite::InterpreterWrapper::arena_used_bytes)
      .def("arena_required_bytes",
           &tflite::InterpreterWrapper::arena_required_bytes)
      .def("set_profiling", &tflite::InterpreterWrapper::SetProfiling)
      .def("profiling", &tflite::InterpreterWrapper::profiling)
      .def("reset_profile", &tflite::InterpreterWrapper::ResetProfile)
      .def("get_profile", &tflite::InterpreterWrapper::GetProfile);
  m.def("to_index", &ToIndex, py::arg("value"),
        "An index argument checked as the interpreter's methods check it.");
  m.def("builtin_ops", &tflite::BuiltinOpNames,
        "Names of the builtin operators this runtime has kernels for.");
  m.def("standard_custom_ops", &tflite::StandardCustomOpNames,
        "Those of the given custom op names the runtime resolves without a "
        "registerer.");
}
