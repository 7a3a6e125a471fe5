#include "io_panel.h"

#include "help_marker.h"
#include "imgui.h"
#include "item_registry.h"
#include "platform_services.h"
#include "model_io.h"

namespace bplab {
namespace {

// Natively there is no picker: the learner types a path, kept between frames.
char g_native_path[512] = "";

void import_button(const char* label, platform::FilePurpose purpose) {
  if (!named_button(label)) return;
  platform::open_file(purpose, g_native_path);
}

}  // namespace

void draw_io_panel(UiContext& ui) {
  if (named_button("Export model"))
    ui.notice = platform::save_file("bplab-model.json", bp::model_to_json(ui.lab.network()),
                                    "application/json");
  help_marker("The weights and architecture in the format of the bplab command line: "
              "bplab grad --model bplab-model.json … gives the same numbers.");
  ImGui::SameLine();
  if (named_button("Export loss CSV"))
    ui.notice = platform::save_file("bplab-loss.csv", lab::loss_curves_csv(ui.lab.train_curve(), ui.lab.test_curve()), "text/csv");
  ImGui::SameLine();
  if (named_button("Screenshot")) {
    platform::request_screenshot("bplab-screenshot.png");
    ui.notice = "Screenshot saved as bplab-screenshot.png.";
  }
  if (!platform::has_file_picker()) {
    ImGui::InputText("File path", g_native_path, sizeof g_native_path);
    item_registry::record("File path");
  }
  import_button("Import model", platform::FilePurpose::Model);
  help_marker("A model JSON whose inputs match the selected features and with one output.");
  ImGui::SameLine();
  import_button("Import data", platform::FilePurpose::Data);
  help_marker("CSV with a header row and three columns: x1, x2, target.");
}

void apply_opened_files(UiContext& ui) {
  platform::OpenedFile file;
  while (platform::poll_opened_file(&file)) {
    if (!file.error.empty()) {
      ui.error = file.error;
      continue;
    }
    const bool model = file.purpose == platform::FilePurpose::Model;
    const bp::Status s = model ? ui.lab.import_model(file.content) : ui.lab.import_csv(file.content);
    if (s) {
      ui.error.clear();
      ui.notice = "Imported " + file.name + ".";
    } else {
      ui.error = file.name + ": " + s.message();
    }
  }
}

}  // namespace bplab
